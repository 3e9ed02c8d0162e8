namespace Tracery.Mesh.Config.Routing;

/// <summary>How the router treats requests to one logical service (a destination path such as <c>/svc/hello</c>).</summary>
public sealed record ServiceParams(int? TotalTimeoutMs, RetriesConfig Retries, string ResponseClassifier)
{
    public const string DefaultClassifier = "io.l5d.http.nonRetryable5XX";

    public static readonly IReadOnlyList<string> Classifiers =
    [
        "io.l5d.http.nonRetryable5XX", "io.l5d.http.retryableRead5XX", "io.l5d.http.retryableIdempotent5XX",
        "io.l5d.http.retryableAll5XX", "io.l5d.http.allSuccessful",
    ];

    public static readonly ServiceParams Default = new(null, RetriesConfig.Default, DefaultClassifier);

    public static ServiceParams Read(ConfigSection section)
    {
        var classifier = DefaultClassifier;
        if (section.Section("responseClassifier") is { } classifierSection)
        {
            classifier = classifierSection.RequireString("kind");
            if (!Classifiers.Contains(classifier))
            {
                throw classifierSection.Invalid("kind", $"unknown response classifier kind '{classifier}' (known: {string.Join(", ", Classifiers)})");
            }

            classifierSection.Complete();
        }

        return new(section.Int("totalTimeoutMs", 1), RetriesConfig.Read(section.Section("retries")), classifier);
    }
}
