using Switchboard.CallHandling;
using Switchboard.Telephony.Routing;
using static Switchboard.Tests.Telephony.Routing.RoutingFixture;

namespace Switchboard.Tests.Telephony.Routing;

/// <summary>Extensions that are not users route by their type.</summary>
public class ExtensionTypeTests
{
    private const string Line = "+16505550150";

    private static RoutingPlan RouteTo(ExtensionSnapshot extension, AccountBuilder? account = null) =>
        Route((account ?? Account()).Add(extension).Number(Line, LineKind.CompanyNumber, extension.Id).Build(), Line, TuesdayMorning);

    [Fact]
    public void Route_Department_RingsAvailableMembersTogetherThenItsVoicemail()
    {
        var carol = User(103, "103", "Carol", devices: [new DeviceSnapshot(31, "Carol's desk", DeviceKind.HardPhone, true)]) with { Dnd = DndStatus.DoNotAcceptAnyCalls };
        var dave = User(104, "104", "Dave") with { Dnd = DndStatus.DoNotAcceptDepartmentCalls };
        var erin = User(105, "105", "Erin") with { Enabled = false };
        var frank = User(106, "106", "Frank") with { Dnd = DndStatus.TakeDepartmentCallsOnly };
        var sales = Other(200, "200", "Sales", ExtensionKind.Department, members: [Alice, Bob, 103, 104, 105, 106, 999]);
        var account = Account().Add(carol).Add(dave).Add(erin).Add(frank);

        var plan = RouteTo(sales, account);

        Assert.Equal((200L, "department"), (plan.ExtensionId!.Value, plan.Rule));
        var ring = Assert.IsType<Ring>(plan.Steps[0]);
        Assert.Equal([DeviceLeg(Alice, DeskPhone), AppsLeg(Alice), DeviceLeg(Bob, BobPhone), AppsLeg(Bob), AppsLeg(106)], ring.Legs);
        Assert.Equal(TimeSpan.FromSeconds(20), ring.Duration);
        Assert.Equal(new Terminate(EndKind.VoiceMail, 200, null, "If nobody answers, the call goes to the voicemail of extension 200 (Sales)."), plan.Steps[1]);
        HasReason(plan, "The member extension 103 (Carol) is on do not disturb, so it does not ring.");
        HasReason(plan, "The member extension 104 (Dave) does not take department calls, so it does not ring.");
        HasReason(plan, "The member extension 105 (Erin) is disabled, so it does not ring.");
        HasReason(plan, "Member extension id 999 does not exist; it is skipped.");
        HasReason(plan, "The device 'Spare phone' of extension 101 (Alice) is offline, so it does not ring.");
    }

    [Fact]
    public void Route_DepartmentWithNobodyAvailable_GoesStraightToVoicemail()
    {
        var plan = RouteTo(Other(200, "200", "Sales", ExtensionKind.Department), Account());

        Assert.Equal(new Terminate(EndKind.VoiceMail, 200, null, "The call goes to the voicemail of extension 200 (Sales)."), Assert.Single(plan.Steps));
        HasReason(plan, "no member can take the call");
    }

    [Fact]
    public void Route_TakeMessagesOnly_GoesToVoicemailAtOnce()
    {
        var plan = RouteTo(Other(500, "500", "Messages", ExtensionKind.TakeMessagesOnly));

        Assert.Equal("take-messages-only", plan.Rule);
        Assert.Equal(new Terminate(EndKind.VoiceMail, 500, null, "The call goes to the voicemail of extension 500 (Messages)."), Assert.Single(plan.Steps));
    }

    [Fact]
    public void Route_AnnouncementOnly_PlaysTheAnnouncementThenDisconnects()
    {
        var extension = Other(510, "510", "Hours", ExtensionKind.AnnouncementOnly);
        extension.Rules.States[StateId.WorkHours].Dispatch.Terminating.Announcement = new Greeting { Enabled = true, PresetId = "66304", CustomId = 42 };

        var plan = RouteTo(extension);

        Assert.Equal("announcement-only", plan.Rule);
        Assert.Equal(
            [new PlayPrompt("Announcement", 42, "66304", "The caller hears the extension's announcement."),
             new Terminate(EndKind.Disconnect, null, null, "After the announcement the call ends.")],
            plan.Steps);
    }

    [Fact]
    public void Route_IvrMenu_PromptsCollectsDigitsThenGoesToTheOperator()
    {
        var menu = Other(300, "300", "Main menu", ExtensionKind.IvrMenu);
        menu.Rules.States[StateId.WorkHours].Dispatch.Welcome = new Greeting { Enabled = true, PresetId = "66048" };

        var plan = RouteTo(menu);

        Assert.Equal("ivr-menu", plan.Rule);
        Assert.Equal(3, plan.Steps.Count);
        Assert.Equal(new PlayPrompt("Welcome", null, "66048", "The auto-receptionist plays its menu prompt."), plan.Steps[0]);
        var digits = Assert.IsType<CollectDigits>(plan.Steps[1]);
        Assert.Equal((300L, TimeSpan.FromSeconds(10)), (digits.MenuExtensionId, digits.Timeout));
        Assert.Equal(new Terminate(EndKind.ForwardToExtension, AccountId, null, "If nothing is dialled, the call goes to the operator, extension 100 (Operator)."), plan.Steps[2]);
    }

    [Fact]
    public void Route_IvrMenuWithoutOperator_Disconnects()
    {
        var plan = RouteTo(Other(300, "300", "Main menu", ExtensionKind.IvrMenu), Account().Remove(AccountId));

        Assert.Equal(EndKind.Disconnect, Assert.IsType<Terminate>(plan.Steps[^1]).Kind);
    }

    [Fact]
    public void Route_ParkLocation_ParksTheCall()
    {
        var plan = RouteTo(Other(600, "600", "Park 1", ExtensionKind.ParkLocation));

        Assert.Equal("park-location", plan.Rule);
        Assert.Equal(new Terminate(EndKind.Park, 600, null, "The call is parked at extension 600 (Park 1)."), Assert.Single(plan.Steps));
    }

    [Fact]
    public void Route_SharedLinesGroup_RingsItsOnlinePhonesTogetherThenVoicemail()
    {
        var group = Other(700, "700", "Front desk", ExtensionKind.SharedLinesGroup, devices:
            [new DeviceSnapshot(71, "Desk A", DeviceKind.HardPhone, true), new DeviceSnapshot(72, "Desk B", DeviceKind.HardPhone, false), new DeviceSnapshot(73, "Desk C", DeviceKind.HardPhone, true)]);

        var plan = RouteTo(group);

        Assert.Equal("shared-lines-group", plan.Rule);
        var ring = Assert.IsType<Ring>(plan.Steps[0]);
        Assert.Equal([DeviceLeg(700, 71), DeviceLeg(700, 73)], ring.Legs);
        Assert.Equal("The group rings the device 'Desk A' and the device 'Desk C' together for 20 seconds.", ring.Why);
        Assert.Equal(EndKind.VoiceMail, Assert.IsType<Terminate>(plan.Steps[1]).Kind);
        HasReason(plan, "The device 'Desk B' of the group is offline, so it does not ring.");
    }
}
