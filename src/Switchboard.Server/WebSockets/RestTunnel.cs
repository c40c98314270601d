using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Switchboard.WebSockets;

/// <summary>
/// Runs a REST request that arrived over a socket through the server's own pipeline, in process, as if it
/// had come over HTTP: the same routing, access control, validation and errors. The session stands in
/// for the access token (<see cref="Http.AccessControl"/>), and its reply is always JSON (CLIENTS.md 4.4).
/// </summary>
public sealed class RestTunnel(IHttpContextFactory contexts)
{
    private RequestDelegate? _pipeline;

    /// <summary>Where the origin of the socket's upgrade request is remembered, for the links in replies.</summary>
    public sealed record Origin(string Scheme, HostString Host, IPAddress? RemoteIp);

    /// <summary>Captures the pipeline that follows; call first when building the pipeline.</summary>
    public void Capture(IApplicationBuilder app) => app.Use(next =>
    {
        _pipeline = next;
        return next;
    });

    public async Task<WsFrame> SendAsync(WsRequest request, WsSession session, Origin origin, CancellationToken ct)
    {
        var pipeline = _pipeline ?? throw new InvalidOperationException("The tunnel runs only inside the server's pipeline.");
        IHeaderDictionary headers = new HeaderDictionary();
        foreach (var (name, value) in request.Headers)
        {
            // The session authenticates; a token inside the frame would be someone else's word.
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Host", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                continue;
            headers.Append(name, value);
        }
        headers.Host = origin.Host.Value;
        if (request.Body is not null)
        {
            headers.ContentLength = request.Body.Length;
            if (StringValues.IsNullOrEmpty(headers.ContentType)) headers.ContentType = "application/json";
        }

        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Protocol = "HTTP/1.1",
            Scheme = origin.Scheme,
            Method = request.Method,
            PathBase = "",
            Path = request.Path,
            QueryString = request.QueryString,
            RawTarget = request.Path + request.QueryString,
            Headers = headers,
            Body = request.Body is null ? Stream.Null : new MemoryStream(request.Body, writable: false),
        });
        var response = new HttpResponseFeature();
        var body = new MemoryStream();
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature { RemoteIpAddress = origin.RemoteIp, LocalIpAddress = IPAddress.Loopback });
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = ct });
        features.Set<IHttpRequestBodyDetectionFeature>(new BodyDetection(request.Body is not null));
        features.Set(session);

        var context = contexts.Create(features);
        try
        {
            await pipeline(context);
            await context.Response.CompleteAsync();
        }
        finally
        {
            contexts.Dispose(context);
        }

        var status = response.StatusCode;
        var replyHeaders = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in response.Headers)
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) replyHeaders.Add(new(name, value.ToString()));
        return new WsFrame(WsFrame.ClientRequest, request.MessageId, status, replyHeaders, Json(body, response.Headers.ContentType.ToString(), status));
    }

    /// <summary>
    /// The reply's body as JSON: JSON as it is, other text as a JSON string, other content base64 in a string,
    /// an error without a body gets one. An empty success (204) has none.
    /// </summary>
    private static ReadOnlyMemory<byte> Json(MemoryStream body, string contentType, int status)
    {
        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        if (bytes.IsEmpty)
            return status >= 400 ? WsFrame.GatewayError("CMN-" + status, ReasonPhrases.GetReasonPhrase(status)).ToJson() : default;
        if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase)) return bytes;
        var text = contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(bytes.Span)
            : Convert.ToBase64String(bytes.Span);
        return JsonSerializer.SerializeToUtf8Bytes(text);
    }

    /// <summary>Model binding reads a body only when the server says the request can have one.</summary>
    private sealed record BodyDetection(bool CanHaveBody) : IHttpRequestBodyDetectionFeature;
}
