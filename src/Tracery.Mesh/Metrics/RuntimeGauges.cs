namespace Tracery.Mesh.Metrics;

using System.Diagnostics;

/// <summary>
/// The process's own health under the names Linkerd's admin reports for its JVM (<c>jvm/gc/msec</c>,
/// <c>jvm/uptime</c>, ...), so dashboards and alerts written for Linkerd find them. Garbage-collection pauses stop
/// every request in flight, which makes <c>jvm/gc/msec</c> the first thing to look at when tail latency grows.
/// </summary>
public static class RuntimeGauges
{
    public static void Register(MetricsRegistry metrics)
    {
        var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        metrics.Gauge("jvm/uptime", () => (DateTime.UtcNow - started).TotalMilliseconds);
        metrics.Gauge("jvm/gc/msec", () => GC.GetTotalPauseDuration().TotalMilliseconds);
        metrics.Gauge("jvm/gc/cycles", () => GC.CollectionCount(0)); // a collection of any generation includes generation 0
        metrics.Gauge("jvm/heap/used", () => GC.GetGCMemoryInfo().HeapSizeBytes);
        metrics.Gauge("jvm/mem/allocations", () => GC.GetTotalAllocatedBytes());
        metrics.Gauge("jvm/num_cpus", () => Environment.ProcessorCount);
    }
}
