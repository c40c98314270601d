using Switchboard.CallHandling;
using Switchboard.Telephony.Routing;
using static Switchboard.Tests.Telephony.Routing.RoutingFixture;

namespace Switchboard.Tests.Telephony.Routing;

/// <summary>A chosen rule's dispatch as steps: prompts, screening, rings, soft phones and the terminating action.</summary>
public class DispatchTests
{
    private static RoutingPlan RouteWorkHours(Dispatch dispatch, string from = Outsider) =>
        RouteToAlice(Rules(dispatch, hours: NineToFive()), TuesdayMorning, from);

    [Fact]
    public void Route_RingInOrder_OneRingStepPerGroupInOrder()
    {
        var plan = RouteWorkHours(Ring(Group(15, Target(DeskLine)), Group(25, Target(MobileNumber), Target(HomeNumber))));

        Assert.Equal(3, plan.Steps.Count);
        var first = Assert.IsType<Ring>(plan.Steps[0]);
        Assert.Equal([DeviceLeg(Alice, DeskPhone)], first.Legs);
        Assert.Equal(TimeSpan.FromSeconds(15), first.Duration);
        Assert.Equal("Ring group 1 rings the device 'Desk phone' for 15 seconds.", first.Why);
        var second = Assert.IsType<Ring>(plan.Steps[1]);
        Assert.Equal([NumberLeg(Alice, Mobile), NumberLeg(Alice, Home)], second.Legs);
        Assert.Equal(TimeSpan.FromSeconds(25), second.Duration);
        Assert.Equal($"Ring group 2 rings {Mobile} (Mobile) and {Home} (Home) for 25 seconds.", second.Why);
        var end = Assert.IsType<Terminate>(plan.Steps[2]);
        Assert.Equal("If nobody answers, the call goes to the voicemail of extension 101 (Alice).", end.Why);
    }

    [Fact]
    public void Route_RingInOrderDisabledGroup_IsSkipped()
    {
        var off = Group(15, Target(MobileNumber));
        off.Enabled = false;

        var plan = RouteWorkHours(Ring(off, Group(20, Target(DeskLine))));

        Assert.Equal([DeviceLeg(Alice, DeskPhone)], Legs(Assert.Single(plan.Steps.OfType<Ring>())));
        Assert.Contains("Ring group 2", plan.Steps[0].Why, StringComparison.Ordinal);
        HasReason(plan, "Ring group 1 is disabled and does not ring.");
    }

    [Fact]
    public void Route_RingAtOnce_OneStepWithEveryTargetForTheLongestGroup()
    {
        var plan = RouteWorkHours(Ring(DispatchType.RingAtOnce, Group(15, Target(DeskLine)), Group(30, Target(MobileNumber), Target(DeskLine))));

        var ring = Assert.IsType<Ring>(plan.Steps[0]);
        Assert.Equal([DeviceLeg(Alice, DeskPhone), NumberLeg(Alice, Mobile)], ring.Legs);
        Assert.Equal(TimeSpan.FromSeconds(30), ring.Duration);
        Assert.Equal($"The device 'Desk phone' and {Mobile} (Mobile) ring all together for 30 seconds.", ring.Why);
        Assert.IsType<Terminate>(plan.Steps[1]);
    }

    [Fact]
    public void Route_CustomDispatch_LegsCarryTheirGroupOffsetAndTheStepLastsUntilTheLatestEnd()
    {
        var late = Group(20, Target(MobileNumber));
        late.Offset = 10;
        var off = Group(60, Target(HomeNumber));
        off.Offset = 5;
        off.Enabled = false;

        var plan = RouteWorkHours(Ring(DispatchType.Custom, Group(15, Target(DeskLine)), late, off));

        var ring = Assert.IsType<Ring>(plan.Steps[0]);
        Assert.Equal([DeviceLeg(Alice, DeskPhone), NumberLeg(Alice, Mobile, offset: 10)], ring.Legs);
        Assert.Equal(TimeSpan.FromSeconds(30), ring.Duration);
        Assert.Equal($"Each ring group starts at its own time, ringing for 30 seconds in all: the device 'Desk phone' and {Mobile} (Mobile) from 10 seconds.", ring.Why);
        HasReason(plan, "Ring group 3 is disabled and does not ring.");
    }

    [Fact]
    public void Route_TerminateDispatch_DoesNotRing()
    {
        var dispatch = Ring(DispatchType.Terminate, Group(20, Target(DeskLine)));
        dispatch.ConnectingAudio = new Greeting { Enabled = true, PresetId = "66310" };
        dispatch.Screening.Mode = "Always";

        var plan = RouteWorkHours(dispatch);

        var end = Assert.IsType<Terminate>(Assert.Single(plan.Steps));
        Assert.Equal("The call goes to the voicemail of extension 101 (Alice).", end.Why);
    }

    [Fact]
    public void Route_OfflineDevice_IsLeftOutWithAReason()
    {
        var plan = RouteWorkHours(Ring(Group(20, Target(SpareLine), Target(DeskLine))));

        Assert.Equal([DeviceLeg(Alice, DeskPhone)], Legs(plan.Steps[0]));
        HasReason(plan, "The device 'Spare phone' of extension 101 (Alice) is offline, so it does not ring.");
    }

    [Fact]
    public void Route_GroupWithOnlyOfflineDevices_IsSkipped()
    {
        var plan = RouteWorkHours(Ring(Group(20, Target(SpareLine))));

        Assert.IsType<Terminate>(Assert.Single(plan.Steps));
        HasReason(plan, "Ring group 1 has nothing that can ring, so it is skipped.");
        Assert.Equal("The call goes to the voicemail of extension 101 (Alice).", plan.Steps[0].Why);
    }

    [Fact]
    public void Route_TargetOfRemovedForwardingNumber_IsSkipped()
    {
        var plan = RouteWorkHours(Ring(Group(20, Target(99), Target(DeskLine))));

        Assert.Equal([DeviceLeg(Alice, DeskPhone)], Legs(plan.Steps[0]));
        HasReason(plan, "forwarding number 99, which no longer exists");
    }

    [Fact]
    public void Route_CoworkerTarget_RingsTheCoworkersDevicesAndApps()
    {
        var plan = RouteWorkHours(Ring(Group(20, new RingTarget(TargetKind.Coworker, ExtensionId: Bob))));

        Assert.Equal([DeviceLeg(Bob, BobPhone), AppsLeg(Bob)], Legs(plan.Steps[0]));
        Assert.Equal("Ring group 1 rings the device 'Bob's desk' and the apps of extension 102 (Bob) for 20 seconds.", plan.Steps[0].Why);
    }

    [Fact]
    public void Route_CoworkerOnDnd_DoesNotRing()
    {
        var bob = User(Bob, "102", "Bob", devices: [new DeviceSnapshot(BobPhone, "Bob's desk", DeviceKind.HardPhone, true)]) with { Dnd = DndStatus.DoNotAcceptAnyCalls };
        var rules = Rules(Ring(Group(20, new RingTarget(TargetKind.Coworker, ExtensionId: Bob), Target(DeskLine))), hours: NineToFive());

        var plan = Route(Account().Add(AliceUser(rules)).Add(bob).Build(), AliceDirect, TuesdayMorning);

        Assert.Equal([DeviceLeg(Alice, DeskPhone)], Legs(plan.Steps[0]));
        HasReason(plan, "The coworker extension 102 (Bob) is on do not disturb, so it does not ring.");
    }

    [Fact]
    public void Route_AppTargets_AreOneAppsLeg()
    {
        var plan = RouteWorkHours(Ring(Group(20, new RingTarget(TargetKind.AllDesktop), new RingTarget(TargetKind.AllMobile))));

        Assert.Equal([AppsLeg(Alice)], Legs(plan.Steps[0]));
    }

    [Fact]
    public void Route_SoftPhonesAlwaysRing_AppsJoinEveryRingStep()
    {
        var dispatch = Ring(Group(15, Target(DeskLine)), Group(25, Target(MobileNumber)));
        dispatch.SoftPhones = new SoftPhones { Notify = true, AlwaysRing = true, RingCount = 3 };

        var plan = RouteWorkHours(dispatch);

        Assert.Equal([DeviceLeg(Alice, DeskPhone), AppsLeg(Alice)], Legs(plan.Steps[0]));
        Assert.Equal([NumberLeg(Alice, Mobile), AppsLeg(Alice)], Legs(plan.Steps[1]));
        HasReason(plan, "The apps of extension 101 (Alice) ring along with every ring group (soft phones always ring).");
    }

    [Fact]
    public void Route_SoftPhonesAlwaysRingWithoutDevices_AppsRingForTheGroupsDuration()
    {
        var dispatch = Ring(Group(20));
        dispatch.SoftPhones = new SoftPhones { Notify = true, AlwaysRing = true };

        var ring = Assert.IsType<Ring>(RouteWorkHours(dispatch).Steps[0]);

        Assert.Equal([AppsLeg(Alice)], ring.Legs);
        Assert.Equal(TimeSpan.FromSeconds(20), ring.Duration);
    }

    [Fact]
    public void Route_SoftPhonesRingCount_AppsRingAloneFirstForThatManyRings()
    {
        var dispatch = Ring(Group(20, Target(DeskLine)));
        dispatch.SoftPhones = new SoftPhones { Notify = true, AlwaysRing = false, RingCount = 2 };

        var plan = RouteWorkHours(dispatch);

        var apps = Assert.IsType<Ring>(plan.Steps[0]);
        Assert.Equal([AppsLeg(Alice)], apps.Legs);
        Assert.Equal(TimeSpan.FromSeconds(10), apps.Duration);
        Assert.Equal("The apps of extension 101 (Alice) ring first, alone, for 2 rings (10 seconds) before forwarding starts.", apps.Why);
        Assert.Equal([DeviceLeg(Alice, DeskPhone)], Legs(plan.Steps[1]));
    }

    [Fact]
    public void Route_SoftPhonesOff_AppsDoNotRing()
    {
        var plan = RouteWorkHours(Ring(Group(20, Target(DeskLine))));

        Assert.DoesNotContain(plan.Steps.OfType<Ring>().SelectMany(r => r.Legs), l => l.Kind == LegKind.Apps);
    }

    [Fact]
    public void Route_Greetings_PlayInOrderWithTheirIds()
    {
        var dispatch = Ring(Group(20, Target(DeskLine)));
        dispatch.Welcome = new Greeting { Enabled = true, PresetId = "66048", CustomId = 555 };
        dispatch.ConnectingMessage = new Greeting { Enabled = true, PresetId = "68867" };
        dispatch.ConnectingAudio = new Greeting { Enabled = true, PresetId = "66310" };

        var plan = RouteWorkHours(dispatch);

        Assert.Equal(new PlayPrompt("Welcome", 555, "66048", "The welcome greeting plays first."), plan.Steps[0]);
        Assert.Equal(new PlayPrompt("ConnectingMessage", null, "68867", "The caller is told the call is being connected."), plan.Steps[1]);
        Assert.Equal(new PlayPrompt("ConnectingAudio", null, "66310", "Music plays to the caller while the call connects."), plan.Steps[2]);
        Assert.IsType<Ring>(plan.Steps[3]);
    }

    [Fact]
    public void Route_DisabledGreetings_AreNotPlayed()
    {
        var dispatch = Ring(Group(20, Target(DeskLine)));
        dispatch.Welcome = new Greeting { Enabled = false, PresetId = "66048" };

        Assert.Empty(RouteWorkHours(dispatch).Steps.OfType<PlayPrompt>());
    }

    [Theory]
    [InlineData("Always", Outsider, true)]
    [InlineData("NoCallerId", "anonymous", true)]
    [InlineData("NoCallerId", "", true)]
    [InlineData("NoCallerId", Outsider, false)]
    [InlineData("UnknownCallerId", Outsider, true)]
    [InlineData("UnknownCallerId", "", true)]
    [InlineData("UnknownCallerId", BobDirect, false)]
    [InlineData("Off", "anonymous", false)]
    public void Route_Screening_AsksForTheNameWhenTheModeApplies(string mode, string from, bool screened)
    {
        var dispatch = Ring(Group(20, Target(DeskLine)));
        dispatch.Welcome = new Greeting { Enabled = true, PresetId = "66048" };
        dispatch.Screening.Mode = mode;

        var plan = RouteWorkHours(dispatch, from);

        var screen = plan.Steps.OfType<ScreenCaller>().SingleOrDefault();
        Assert.Equal(screened, screen is not null);
        if (screen is not null)
        {
            Assert.Equal(mode, screen.Mode);
            Assert.IsType<ScreenCaller>(plan.Steps[1]); // after the welcome, before ringing
            Assert.Contains("asked for their name", screen.Why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Route_TerminatingVoiceMailOfAnotherExtension_NamesTheRecipient()
    {
        var dispatch = Ring(Group(20, Target(DeskLine)));
        dispatch.Terminating = new Terminating { Kind = TerminatingKind.VoiceMail, ExtensionId = Bob };

        var end = Assert.IsType<Terminate>(RouteWorkHours(dispatch).Steps[^1]);

        Assert.Equal((EndKind.VoiceMail, (long?)Bob), (end.Kind, end.ExtensionId));
        Assert.Equal("If nobody answers, the call goes to the voicemail of extension 102 (Bob).", end.Why);
    }

    [Fact]
    public void Route_TerminatingExtension_ForwardsToIt()
    {
        var dispatch = Ring(Group(20, Target(DeskLine)));
        dispatch.Terminating = new Terminating { Kind = TerminatingKind.Extension, ExtensionId = Bob };

        var end = Assert.IsType<Terminate>(RouteWorkHours(dispatch).Steps[^1]);

        Assert.Equal(new Terminate(EndKind.ForwardToExtension, Bob, null, "If nobody answers, the call is forwarded to extension 102 (Bob)."), end);
    }

    [Fact]
    public void Route_TerminatingPhoneNumber_ForwardsToIt()
    {
        var dispatch = Ring(Group(20, Target(DeskLine)));
        dispatch.Terminating = new Terminating { Kind = TerminatingKind.PhoneNumber, PhoneNumber = Home };

        var end = Assert.IsType<Terminate>(RouteWorkHours(dispatch).Steps[^1]);

        Assert.Equal(new Terminate(EndKind.ForwardToNumber, null, Home, $"If nobody answers, the call is forwarded to {Home}."), end);
    }

    [Fact]
    public void Route_TerminatingPhoneNumberMissing_Disconnects()
    {
        var dispatch = Ring(DispatchType.Terminate);
        dispatch.Terminating = new Terminating { Kind = TerminatingKind.PhoneNumber };

        Assert.Equal(EndKind.Disconnect, Assert.IsType<Terminate>(Assert.Single(RouteWorkHours(dispatch).Steps)).Kind);
    }

    [Fact]
    public void Route_TerminatingPlayAnnouncement_PlaysItThenEnds()
    {
        var dispatch = Ring(Group(20, Target(DeskLine)));
        dispatch.Terminating = new Terminating { Kind = TerminatingKind.PlayAnnouncement, Announcement = new Greeting { Enabled = true, PresetId = "66304", CustomId = 77 } };

        var plan = RouteWorkHours(dispatch);

        Assert.Equal(new PlayPrompt("Announcement", 77, "66304", "If nobody answers, the caller hears the announcement."), plan.Steps[^2]);
        Assert.Equal(new Terminate(EndKind.PlayAnnouncement, null, null, "After the announcement the call ends."), plan.Steps[^1]);
    }
}
