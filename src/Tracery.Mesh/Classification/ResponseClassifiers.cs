namespace Tracery.Mesh.Classification;

/// <summary>The classifiers by their Linkerd <c>kind</c> (HTTP/1.1 only; the <c>io.l5d.h2.*</c> twins are not served).</summary>
public static class ResponseClassifiers
{
    public const string DefaultKind = "io.l5d.http.nonRetryable5XX";

    private static readonly Dictionary<string, IResponseClassifier> ByKind = new(StringComparer.Ordinal)
    {
        [DefaultKind] = Http5xxClassifier.NonRetryable,
        ["io.l5d.http.retryableRead5XX"] = Http5xxClassifier.RetryableRead,
        ["io.l5d.http.retryableIdempotent5XX"] = Http5xxClassifier.RetryableIdempotent,
        ["io.l5d.http.retryableAll5XX"] = Http5xxClassifier.RetryableAll,
        ["io.l5d.http.allSuccessful"] = AllSuccessfulClassifier.Instance,
    };

    public static IReadOnlyCollection<string> Kinds => ByKind.Keys;

    /// <summary>The classifier of <paramref name="kind"/>; an unknown kind is an error that lists the known ones.</summary>
    public static IResponseClassifier ForKind(string kind) =>
        ByKind.TryGetValue(kind, out var classifier)
            ? classifier
            : throw new ArgumentException($"unknown responseClassifier kind '{kind}'; expected one of {string.Join(", ", ByKind.Keys)}", nameof(kind));
}
