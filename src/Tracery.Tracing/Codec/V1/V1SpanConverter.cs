namespace Tracery.Tracing.Codec.V1;

using Tracery.Tracing.Model;

/// <summary>
/// Turns one v1 span into one or more v2 spans, rule for rule as Zipkin's <c>V1SpanConverter</c> (reference §2.4):
/// one v2 span per distinct service name that logged to it; core annotations (cs/sr/ss/cr/ms/mr/ws/wr) become kind,
/// timestamp and duration; address annotations (ca/sa/ma) become remote endpoints; string binary annotations become
/// tags. A shared client+server v1 span is split in two, with the server side marked shared. Not thread-safe: it
/// reuses its builders between spans, so each reader keeps its own.
/// </summary>
internal sealed class V1SpanConverter
{
    readonly SpanBuilder first = new();
    readonly List<SpanBuilder> pool = [];
    int extra;
    V1Annotation? cs, sr, ss, cr, ms, mr, ws, wr;

    public void Convert(V1Span source, List<Span> sink)
    {
        Start(source);
        ProcessAnnotations(source);
        ProcessBinaryAnnotations(source);
        sink.Add(first.Build());
        for (var i = 0; i < extra; i++) sink.Add(pool[i].Build());
    }

    void Start(V1Span source)
    {
        extra = 0;
        cs = sr = ss = cr = ms = mr = ws = wr = null;
        Begin(first.Clear(), source);
    }

    void ProcessAnnotations(V1Span source)
    {
        foreach (var a in source.Annotations)
        {
            var current = ForEndpoint(source, a.Endpoint);
            // Core annotations need an endpoint to say whose side they are; without one they are plain events.
            if (a.Value.Length != 2 || a.Endpoint is null || !TakeCore(a, current)) current.AddAnnotation(a.Timestamp, a.Value);
        }

        // Bridged from an event model, a span may lack its start annotation: recover it from timestamp+duration.
        if (cs is null && EndReflectsDuration(cr, source)) cs = new V1Annotation(source.Timestamp, "cs", cr!.Endpoint);
        if (sr is null && EndReflectsDuration(ss, source)) sr = new V1Annotation(source.Timestamp, "sr", ss!.Endpoint);

        if (cs is not null && sr is not null) SplitSharedRpc(source, cs, sr);
        else if (cs is not null && cr is not null) TimestampAndDuration(source, cs, cr);
        else if (sr is not null && ss is not null) TimestampAndDuration(source, sr, ss);
        else HandleIncompleteRpc(source);

        // v1 had no shared flag: by convention a server side without the authoritative timestamp (or with ss but
        // no duration, a MySQL storage edge case) was the shared half of a client's span.
        if (cs is null && sr is not null && (source.Timestamp == 0 || (ss is not null && source.Duration == 0)))
        {
            ForEndpoint(source, sr.Endpoint).Shared(true);
        }

        ProcessMessaging(source);
    }

    bool TakeCore(V1Annotation a, SpanBuilder current)
    {
        switch (a.Value)
        {
            case "cs": current.Kind(SpanKind.Client); cs = a; return true;
            case "sr": current.Kind(SpanKind.Server); sr = a; return true;
            case "ss": current.Kind(SpanKind.Server); ss = a; return true;
            case "cr": current.Kind(SpanKind.Client); cr = a; return true;
            case "ms": current.Kind(SpanKind.Producer); ms = a; return true;
            case "mr": current.Kind(SpanKind.Consumer); mr = a; return true;
            case "ws": ws = a; return true;
            case "wr": wr = a; return true;
            default: return false;
        }
    }

    /// <summary>Client and server in one v1 span: the client owns the span's time, the server is shared.</summary>
    void SplitSharedRpc(V1Span source, V1Annotation clientSend, V1Annotation serverReceive)
    {
        TimestampAndDuration(source, clientSend, cr);
        var client = ForEndpoint(source, clientSend.Endpoint);
        SpanBuilder server;
        if (SameServiceName(clientSend.Endpoint, serverReceive.Endpoint))
        {
            // Loopback: both sides share a service name, so fork a separate server span.
            client.Kind(SpanKind.Client);
            server = NewSpan(source, serverReceive.Endpoint).Kind(SpanKind.Server);
        }
        else
        {
            server = ForEndpoint(source, serverReceive.Endpoint);
        }
        server.Shared(true).Timestamp(serverReceive.Timestamp);
        if (ss is not null) server.Duration(ss.Timestamp - serverReceive.Timestamp);
        if (cr is null && source.Duration == 0) client.Duration(0); // one-way: no duration
    }

    void ProcessMessaging(V1Span source)
    {
        if (ms is not null && mr is not null)
        {
            var producer = ForEndpoint(source, ms.Endpoint);
            SpanBuilder consumer;
            if (SameServiceName(ms.Endpoint, mr.Endpoint))
            {
                producer.Kind(SpanKind.Producer);
                consumer = NewSpan(source, mr.Endpoint).Kind(SpanKind.Consumer);
            }
            else
            {
                consumer = ForEndpoint(source, mr.Endpoint);
            }
            consumer.Shared(true);
            if (wr is not null) consumer.Timestamp(wr.Timestamp).Duration(mr.Timestamp - wr.Timestamp);
            else consumer.Timestamp(mr.Timestamp);
            producer.Timestamp(ms.Timestamp).Duration(ws is not null ? ws.Timestamp - ms.Timestamp : 0);
        }
        else if (ms is not null)
        {
            TimestampAndDuration(source, ms, ws);
        }
        else if (mr is not null)
        {
            if (wr is not null) TimestampAndDuration(source, wr, mr);
            else TimestampAndDuration(source, mr, null);
        }
        else
        {
            if (ws is not null) ForEndpoint(source, ws.Endpoint).AddAnnotation(ws.Timestamp, ws.Value);
            if (wr is not null) ForEndpoint(source, wr.Endpoint).AddAnnotation(wr.Timestamp, wr.Value);
        }
    }

    /// <summary>An unfinished RPC: the start annotation gives the timestamp, the end one stays an event.</summary>
    void HandleIncompleteRpc(V1Span source)
    {
        HandleIncompleteRpc(first);
        for (var i = 0; i < extra; i++) HandleIncompleteRpc(pool[i]);
        if (source.Timestamp != 0) first.Timestamp(source.Timestamp).Duration(source.Duration);
    }

    void HandleIncompleteRpc(SpanBuilder span)
    {
        if (span.CurrentKind == SpanKind.Client)
        {
            if (cs is not null) span.Timestamp(cs.Timestamp);
            if (cr is not null) span.AddAnnotation(cr.Timestamp, cr.Value);
        }
        else if (span.CurrentKind == SpanKind.Server)
        {
            if (sr is not null) span.Timestamp(sr.Timestamp);
            if (ss is not null) span.AddAnnotation(ss.Timestamp, ss.Value);
        }
    }

    static bool EndReflectsDuration(V1Annotation? end, V1Span source) =>
        end is not null && source.Timestamp != 0 && source.Duration != 0 && source.Timestamp + source.Duration == end.Timestamp;

    /// <summary>The v1 span's own timestamp and duration win when both are set; else the annotations say.</summary>
    void TimestampAndDuration(V1Span source, V1Annotation begin, V1Annotation? end)
    {
        var span = ForEndpoint(source, begin.Endpoint);
        if (source.Timestamp != 0 && source.Duration != 0)
        {
            span.Timestamp(source.Timestamp).Duration(source.Duration);
            return;
        }
        span.Timestamp(begin.Timestamp);
        if (end is not null) span.Duration(end.Timestamp - begin.Timestamp);
    }

    void ProcessBinaryAnnotations(V1Span source)
    {
        Endpoint? ca = null, sa = null, ma = null;
        foreach (var b in source.BinaryAnnotations)
        {
            if (b.StringValue is null)
            {
                switch (b.Key)
                {
                    case "ca": ca = b.Endpoint; break;
                    case "sa": sa = b.Endpoint; break;
                    case "ma": ma = b.Endpoint; break;
                }
                continue;
            }
            var current = ForEndpoint(source, b.Endpoint);
            if (b.Key == "lc" && b.StringValue.Length == 0) continue; // an empty "lc" only marks a local span
            current.PutTag(b.Key, b.StringValue);
        }

        if (cs is null && cr is null && ss is null && sr is null && (ca is not null || sa is not null))
        {
            if (ca is not null && sa is not null) ForEndpoint(source, ca).RemoteEndpoint(sa);
            else if (sa is not null) ForEndpoint(source, null).RemoteEndpoint(sa); // "sa" alone does not make a client
            else ForEndpoint(source, null).Kind(SpanKind.Server).RemoteEndpoint(ca);
            return;
        }

        var server = sr ?? ss;
        if (ca is not null && server is not null && !ca.Equals(server.Endpoint))
        {
            // Finagle logs "ca" on servers with the server's own service name; keeping it would draw a loopback link.
            if (SameServiceName(ca, server.Endpoint)) ca = ca with { ServiceName = null };
            ForEndpoint(source, server.Endpoint).RemoteEndpoint(ca);
        }
        if (sa is not null)
        {
            if (cs is not null) ForEndpoint(source, cs.Endpoint).RemoteEndpoint(sa);
            else if (cr is not null) ForEndpoint(source, cr.Endpoint).RemoteEndpoint(sa);
        }
        if (ma is not null)
        {
            // Both sides get the broker's address, even when someone shared a messaging span.
            if (ms is not null) ForEndpoint(source, ms.Endpoint).RemoteEndpoint(ma);
            if (mr is not null) ForEndpoint(source, mr.Endpoint).RemoteEndpoint(ma);
        }
    }

    /// <summary>The v2 span for an endpoint's service; data without an endpoint goes to the first span.</summary>
    SpanBuilder ForEndpoint(V1Span source, Endpoint? endpoint)
    {
        if (endpoint is null) return first;
        if (CloseEnough(first, endpoint)) return first;
        for (var i = 0; i < extra; i++)
        {
            if (CloseEnough(pool[i], endpoint)) return pool[i];
        }
        return NewSpan(source, endpoint);
    }

    /// <summary>Claims a span without a local endpoint, else matches on service name.</summary>
    static bool CloseEnough(SpanBuilder span, Endpoint endpoint)
    {
        if (span.CurrentLocalEndpoint is not { } local)
        {
            span.LocalEndpoint(endpoint);
            return true;
        }
        return local.ServiceName == endpoint.ServiceName;
    }

    SpanBuilder NewSpan(V1Span source, Endpoint? endpoint)
    {
        if (extra == pool.Count) pool.Add(new SpanBuilder());
        var span = Begin(pool[extra++].Clear(), source);
        return span.LocalEndpoint(endpoint);
    }

    static bool SameServiceName(Endpoint? left, Endpoint? right) => left?.ServiceName == right?.ServiceName;

    static SpanBuilder Begin(SpanBuilder span, V1Span source) =>
        span.TraceId(source.TraceIdHigh, source.TraceId).ParentId(source.ParentId).Id(source.Id).Name(source.Name).Debug(source.Debug);
}
