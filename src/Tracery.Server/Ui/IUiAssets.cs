namespace Tracery.Server.Ui;

/// <summary>The UI's files, looked up by their path below wwwroot.</summary>
public interface IUiAssets
{
    /// <summary>The file at <paramref name="path"/> (no leading slash), or null.</summary>
    UiAsset? Find(string path);

    /// <summary>index.html with its <c>&lt;base href&gt;</c> set to <paramref name="basePath"/> (<c>/</c> or <c>/zipkin/</c>).</summary>
    UiAsset Index(string basePath);
}
