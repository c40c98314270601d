using Switchboard.Http;
using Switchboard.Http.SpecCheck;
using Switchboard.WebSockets;

namespace Switchboard.Hosting;

public static class Pipeline
{
    /// <summary>The cross-cutting middleware, outermost first.</summary>
    public static void UseSwitchboardHttp(this WebApplication app)
    {
        // Requests that come over a WebSocket enter here, and go through everything an HTTP request does.
        app.Services.GetRequiredService<RestTunnel>().Capture(app);
        app.UseWebSockets();
        app.UseMiddleware<PathNormalization>();
        if (app.Configuration["Switchboard:SpecCheck"] is { Length: > 0 } spec)
            app.UseMiddleware<SpecConformance>(SpecDocument.Load(spec));
        app.UseMiddleware<ErrorResponses>();
        app.UseRouting();
        app.UseMiddleware<AccessControl>();
    }
}
