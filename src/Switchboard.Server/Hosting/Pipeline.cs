using Switchboard.Http;
using Switchboard.Http.SpecCheck;

namespace Switchboard.Hosting;

public static class Pipeline
{
    /// <summary>The cross-cutting middleware, outermost first.</summary>
    public static void UseSwitchboardHttp(this WebApplication app)
    {
        app.UseMiddleware<PathNormalization>();
        if (app.Configuration["Switchboard:SpecCheck"] is { Length: > 0 } spec)
            app.UseMiddleware<SpecConformance>(SpecDocument.Load(spec));
        app.UseMiddleware<ErrorResponses>();
        app.UseRouting();
        app.UseMiddleware<AccessControl>();
    }
}
