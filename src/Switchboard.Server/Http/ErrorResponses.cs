using System.Text.Json;

namespace Switchboard.Http;

/// <summary>
/// Every error leaves in the platform's envelope: failures that ASP.NET answers with a bare status
/// (no route, wrong method, wrong media type, unreadable body) and unexpected exceptions.
/// </summary>
public sealed class ErrorResponses(RequestDelegate next, ILogger<ErrorResponses> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            var error = e.InnerException is JsonException ? Errors.UnparsableJson
                : e.StatusCode == StatusCodes.Status415UnsupportedMediaType ? Errors.UnsupportedMediaType
                : Errors.UnparsableRequest;
            await error.WriteAsync(context.Response);
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            log.LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await Errors.InternalError.WriteAsync(context.Response);
            return;
        }

        if (context.Response.HasStarted || context.Response.ContentLength > 0 || context.Response.ContentType is not null) return;
        var bare = context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => Errors.ResourceNotFound,
            StatusCodes.Status405MethodNotAllowed => Errors.MethodNotAllowed,
            StatusCodes.Status415UnsupportedMediaType => Errors.UnsupportedMediaType,
            StatusCodes.Status400BadRequest => Errors.UnparsableRequest,
            _ => null,
        };
        if (bare is not null) await bare.WriteAsync(context.Response);
    }
}
