namespace Tracery.Mesh.Naming;

using System.Text.Json;

/// <summary>A namer that can show what it holds, served by the admin server as <c>/namer_state/&lt;prefix&gt;.json</c>.</summary>
public interface INamerState
{
    /// <summary>Writes one JSON value (an object) describing the namer's current state.</summary>
    void WriteState(Utf8JsonWriter json);
}
