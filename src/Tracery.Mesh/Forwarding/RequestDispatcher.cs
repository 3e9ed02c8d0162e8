namespace Tracery.Mesh.Forwarding;

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Tracery.Mesh.Balancing;
using Tracery.Mesh.Classification;
using Tracery.Mesh.Metrics;
using Tracery.Mesh.Routing;

/// <summary>
/// Sends a routed request: picks an endpoint per attempt, retries retryable failures while the service's retry
/// budget and deadline allow, feeds outcomes to failure accrual and metrics, and answers with Linkerd's error
/// when no attempt produced a response. Only requests without a body are retried: a streamed body is gone
/// once sent, and Linkerd likewise never retries chunked requests.
/// </summary>
internal sealed class RequestDispatcher(ForwardingAttempt attempt, RouterMetrics metrics, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, IRetryBudget> _budgets = new(StringComparer.Ordinal);

    /// <summary>Forwards the request; returns the status the client got (null if the connection was cut).</summary>
    public async Task<int?> DispatchAsync(HttpContext context, RouteTarget target)
    {
        var path = target.DstPath.ToString();
        var service = target.Service;
        if (!_budgets.TryGetValue(path, out var budget))
        {
            budget = _budgets.GetOrAdd(path, _ => new WindowedRetryBudget(service.RetryBudget, time));
        }

        budget.Deposit();
        var replayable = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false;
        using var total = service.TotalTimeout is TimeSpan t ? new CancellationTokenSource(t, time) : new CancellationTokenSource();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(total.Token, context.RequestAborted);
        for (var number = 1; ; number++)
        {
            var endpoint = target.Client.Pick();
            if (endpoint is null)
            {
                await RouterErrors.NoEndpoints(target.DstPath, target.Bound.Id).WriteAsync(context.Response);
                return 502;
            }
            if (!endpoint.TryAcquire(target.Client.Policy.Transport.MaxOutstandingPerEndpoint))
            {
                return await TooManyWaitersAsync(context, target, endpoint);
            }
            var budgetDenied = false;
            bool Gate(ResponseClass _)
            {
                if (!replayable || total.IsCancellationRequested)
                {
                    return false;
                }
                budgetDenied = !budget.TryWithdraw();
                return !budgetDenied;
            }

            var result = await SendAsync(context, target, endpoint, Gate, deadline.Token);
            if (context.RequestAborted.IsCancellationRequested)
            {
                return null;
            }
            var retry = result.Discarded || (result.Outcome.Status is null && result.Class == ResponseClass.RetryableFailure && Gate(result.Class));
            if (budgetDenied)
            {
                metrics.BudgetExhausted(path).Increment();
            }
            if (retry)
            {
                metrics.Retries(path).Increment();
                context.Response.Clear();
                await Task.Delay(service.RetryBackoff.Delay(number), time, deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                if (!total.IsCancellationRequested)
                {
                    continue;
                }
                result = result with { Outcome = AttemptOutcome.Failed(AttemptFailure.Timeout) };
            }
            if (result.Outcome.Status is int status)
            {
                return status;
            }
            var error = Error(result, target, endpoint, total.IsCancellationRequested);
            await error.WriteAsync(context.Response);
            return error.Status;
        }
    }

    private async Task<AttemptResult> SendAsync(HttpContext context, RouteTarget target, UpstreamEndpoint endpoint, Func<ResponseClass, bool> gate, CancellationToken deadline)
    {
        var policy = target.Client.Policy;
        using var attemptDeadline = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        if (policy.RequestAttemptTimeout is TimeSpan limit)
        {
            attemptDeadline.CancelAfter(limit);
        }
        var started = time.GetTimestamp(); // the endpoint was acquired by the caller
        var result = await attempt.SendAsync(context, endpoint, target, gate, attemptDeadline.Token);
        var elapsed = time.GetElapsedTime(started);
        var success = result.Class == ResponseClass.Success;
        endpoint.Complete(success, elapsed, time);
        metrics.Client(target.Bound.Id).Record(success, elapsed, result.Outcome.Status);
        return result;
    }

    /// <summary>Finagle's <c>TooManyWaitersException</c>: the endpoint's pool and its waiters are full, so fail at once.</summary>
    private async Task<int> TooManyWaitersAsync(HttpContext context, RouteTarget target, UpstreamEndpoint endpoint)
    {
        var transport = target.Client.Policy.Transport;
        var error = RouterErrors.TooManyWaiters(endpoint.Address.ToString(), target.Bound.Id, transport.MaxConnections ?? 0, transport.MaxWaiters ?? 0);
        metrics.Client(target.Bound.Id).Record(false, TimeSpan.Zero, error.Status);
        await error.WriteAsync(context.Response);
        return error.Status;
    }

    private static ErrorResponse Error(AttemptResult result, RouteTarget target, UpstreamEndpoint endpoint, bool totalExpired) => result.Outcome.Failure switch
    {
        AttemptFailure.Timeout when totalExpired => RouterErrors.Timeout("totalTimeoutMs", target.Service.TotalTimeout!.Value, target.DstPath),
        AttemptFailure.Timeout => RouterErrors.Timeout("requestAttemptTimeoutMs", target.Client.Policy.RequestAttemptTimeout ?? TimeSpan.Zero, target.DstPath),
        AttemptFailure.ConnectionFailed => RouterErrors.ConnectionFailed(endpoint.Address.ToString(), target.Bound.Id, result.Detail ?? "connection failed"),
        _ => RouterErrors.Failed($"Request to {endpoint.Address} (client {target.Bound.Id}) failed", result.Detail ?? "unknown error"),
    };
}
