namespace Tracery.Server.Ui;

/// <summary>One file of the UI, held in memory with the headers it is served with.</summary>
/// <param name="Path">Path below wwwroot, with forward slashes, e.g. <c>js/app.js</c>.</param>
/// <param name="Content">The bytes as served.</param>
/// <param name="ContentType">The media type, with a charset for text.</param>
/// <param name="ETag">A strong validator derived from the content, quoted.</param>
public sealed record UiAsset(string Path, ReadOnlyMemory<byte> Content, string ContentType, string ETag);
