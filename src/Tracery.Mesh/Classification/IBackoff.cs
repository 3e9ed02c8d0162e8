namespace Tracery.Mesh.Classification;

/// <summary>How long to wait before the n-th retry or probe (1-based).</summary>
public interface IBackoff
{
    TimeSpan Delay(int attempt);
}
