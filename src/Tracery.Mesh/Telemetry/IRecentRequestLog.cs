namespace Tracery.Mesh.Telemetry;

/// <summary>Receives each sampled request as it ends; <see cref="Add"/> runs on the request path and must not block.</summary>
public interface IRecentRequestLog
{
    void Add(RecentRequest request);
}
