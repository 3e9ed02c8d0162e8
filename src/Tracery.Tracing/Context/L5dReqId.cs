namespace Tracery.Tracing.Context;

/// <summary>The informational <c>l5d-reqid</c> header: the trace id (low 64 bits) as 16 lower-hex characters.</summary>
public static class L5dReqId
{
    public const string HeaderName = "l5d-reqid";

    public static string Format(in TraceContext context) => HexId.Format(context.TraceId);
}
