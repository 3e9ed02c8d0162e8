namespace Tracery.Tracing.Scribe;

/// <summary>Scribe's answer to a <c>Log</c> call: accepted, or the server is overloaded and the client should retry.</summary>
public enum ScribeResultCode
{
    Ok = 0,
    TryLater = 1,
}
