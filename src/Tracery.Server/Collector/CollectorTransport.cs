namespace Tracery.Server.Collector;

/// <summary>The ways spans arrive; each has its own counters, named as Zipkin names its transports.</summary>
public enum CollectorTransport
{
    Http,
    Scribe,
}
