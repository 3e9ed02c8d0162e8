namespace Tracery.Mesh.Admin;

/// <summary>Linkerd's admin path categories, each switched by its own <c>admin.security</c> flag.</summary>
public enum AdminCategory
{
    /// <summary>The dashboard and what it reads: <c>/</c>, <c>/files/…</c>, <c>/config.json</c>, <c>/admin/metrics.json</c>, <c>/delegator(.json)</c>, <c>/logging</c>, <c>/help</c>.</summary>
    Ui,

    /// <summary>Endpoints that change the process: <c>/admin/shutdown</c>, <c>/logging.json</c>.</summary>
    Control,

    /// <summary>Every other path: <c>/admin/ping</c>, <c>/admin</c>, <c>/client_state.json</c>, <c>/admin/metrics/prometheus</c>, <c>/requests</c>, <c>/namer_state/…</c>.</summary>
    Diagnostics,
}
