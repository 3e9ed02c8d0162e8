namespace Tracery.Server.Collector;

using System.IO.Compression;
using Microsoft.AspNetCore.Http;

/// <summary>Reads a collector request body within the byte limit, gunzipping it when it says gzip.</summary>
public static class RequestBody
{
    /// <summary>The body, decompressed when Content-Encoding contains gzip. The caller disposes it.</summary>
    /// <exception cref="BodyTooLargeException">The body, or what it decompresses to, is over the limit.</exception>
    /// <exception cref="InvalidDataException">A gzip body is not valid gzip.</exception>
    public static async Task<PooledBuffer> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw new BodyTooLargeException(limit);
        }
        var initial = (int)Math.Clamp(request.ContentLength ?? 16 * 1024, 1, limit) + 1;
        var raw = new PooledBuffer(limit, initial);
        try
        {
            await FillAsync(raw, request.Body, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            raw.Dispose();
            throw;
        }
        if (!IsGzip(request) || raw.Length == 0)
        {
            return raw;
        }
        using (raw)
        {
            return await GunzipAsync(raw, limit, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsGzip(HttpRequest request) =>
        request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);

    // The decompressed size is bounded by the same limit, so a small gzip bomb cannot fill memory.
    private static async Task<PooledBuffer> GunzipAsync(PooledBuffer compressed, int limit, CancellationToken cancellationToken)
    {
        var plain = new PooledBuffer(limit, Math.Min(limit, compressed.Length * 8) + 1);
        try
        {
            using var source = compressed.AsStream();
            await using var gzip = new GZipStream(source, CompressionMode.Decompress);
            await FillAsync(plain, gzip, cancellationToken).ConfigureAwait(false);
            return plain;
        }
        catch
        {
            plain.Dispose();
            throw;
        }
    }

    private static async Task FillAsync(PooledBuffer buffer, Stream source, CancellationToken cancellationToken)
    {
        int read;
        while ((read = await source.ReadAsync(buffer.FreeSpace(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Advance(read);
        }
    }
}
