using Scalar.AspNetCore;
using Switchboard.Accounts;
using Switchboard.CallControl;
using Switchboard.CallHandling;
using Switchboard.CallHandling.V1;
using Switchboard.CallHandling.V2;
using Switchboard.Devices;
using Switchboard.Extensions;
using Switchboard.ForwardingNumbers;
using Switchboard.Greetings;
using Switchboard.Hosting;
using Switchboard.Http;
using Switchboard.OAuth;
using Switchboard.PhoneNumbers;
using Switchboard.Presence;
using Switchboard.Simulator;
using Switchboard.Subscriptions;
using Switchboard.WebSockets;

var cli = Cli.Parse(args);
if (cli.Command == "help")
{
    Console.WriteLine(Cli.Usage);
    return;
}
if (cli.Command == "sim")
{
    Environment.ExitCode = await SimulatorCli.RunAsync(cli.HostArgs);
    return;
}

var builder = WebApplication.CreateBuilder(cli.HostArgs);
builder.AddSwitchboard();
var app = builder.Build();

if (cli.Command == "export")
{
    await Export.RunAsync(app.Services, cli.ExportTo);
    return;
}
if (cli.Command == "upgrade-call-handling")
{
    Environment.ExitCode = await Export.UpgradeAsync(app.Services, cli.AccountId);
    return;
}

app.UseSwitchboardHttp();

app.MapOAuth();
app.MapCredentials();
app.MapAccounts();
app.MapExtensions();
app.MapPhoneNumbers();
app.MapDevices();
app.MapForwardingNumbers();
app.MapCallFlip();
app.MapAnsweringRules();
app.MapBusinessHours();
app.MapCommHandling();
app.MapCallHandlingUpgrade();
app.MapGreetings();
app.MapPresence();
app.MapCallSessions();
app.MapActiveCalls();
app.MapCallControl();
app.MapCallMoves();
app.MapCallMedia();
app.MapCallOut();
app.MapConferences();
app.MapRingOut();
app.MapSubscriptions();
app.MapWebSockets();
app.MapSimulator();
app.MapSimulatorClock();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapUnsupportedOperations();

app.Run();

public partial class Program;
