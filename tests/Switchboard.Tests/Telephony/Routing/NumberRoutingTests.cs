using Switchboard.Telephony.Routing;
using static Switchboard.Tests.Telephony.Routing.RoutingFixture;

namespace Switchboard.Tests.Telephony.Routing;

/// <summary>Which extension a dialled number reaches.</summary>
public class NumberRoutingTests
{
    [Fact]
    public void Route_DirectNumber_ReachesItsUser()
    {
        var plan = Route(Account().Build(), AliceDirect, TuesdayMorning);

        Assert.Equal(Alice, plan.ExtensionId);
        Assert.Equal("work-hours", plan.Rule);
        Assert.Equal(AliceDirect + " is the direct number of extension 101 (Alice).", plan.Why[0]);
        Assert.Equal([DeviceLeg(Alice, DeskPhone)], Legs(plan.Steps[0]));
    }

    [Fact]
    public void Route_MainNumberUnmappedWithIvr_GoesToTheIvrMenu()
    {
        var account = Account().Add(Other(300, "300", "Main menu", ExtensionKind.IvrMenu)).Build();

        var plan = Route(account, MainNumber, TuesdayMorning);

        Assert.Equal(300, plan.ExtensionId);
        Assert.Equal("ivr-menu", plan.Rule);
        HasReason(plan, "is the main company number, not mapped to an extension, so the auto-receptionist extension 300 (Main menu) answers.");
    }

    [Fact]
    public void Route_MainNumberUnmappedWithDisabledIvr_GoesToTheOperator()
    {
        var menu = Other(300, "300", "Main menu", ExtensionKind.IvrMenu) with { Enabled = false };
        var plan = Route(Account().Add(menu).Build(), MainNumber, TuesdayMorning);

        Assert.Equal(AccountId, plan.ExtensionId);
        HasReason(plan, "the account has no IVR menu, so the operator extension 100 (Operator) takes the call.");
    }

    [Fact]
    public void Route_MainNumberUnmappedWithoutIvr_GoesToTheOperator()
    {
        var plan = Route(Account().Build(), MainNumber, TuesdayMorning);

        Assert.Equal(AccountId, plan.ExtensionId);
        Assert.Equal("work-hours", plan.Rule);
        HasReason(plan, "so the operator extension 100 (Operator) takes the call.");
    }

    [Fact]
    public void Route_MainNumberWithoutIvrOrOperator_IsRefused()
    {
        var plan = Route(Account().Remove(AccountId).Build(), MainNumber, TuesdayMorning);

        Assert.Null(plan.ExtensionId);
        Assert.Equal("refused", plan.Rule);
        Assert.Empty(plan.Steps);
        HasReason(plan, "neither an IVR menu nor an operator extension");
    }

    [Fact]
    public void Route_CompanyNumberMapped_ReachesTheMappedExtension()
    {
        var plan = Route(Account().Number("+16505550199", LineKind.CompanyNumber, Bob).Build(), "+16505550199", TuesdayMorning);

        Assert.Equal(Bob, plan.ExtensionId);
        Assert.Equal("+16505550199 is a company number mapped to extension 102 (Bob).", plan.Why[0]);
    }

    [Fact]
    public void Route_MainNumberMapped_ReachesTheMappedExtension()
    {
        var account = Account().Number(MainNumber, LineKind.MainCompanyNumber, Bob).Add(Other(300, "300", "Menu", ExtensionKind.IvrMenu)).Build();

        var plan = Route(account, MainNumber, TuesdayMorning);

        Assert.Equal(Bob, plan.ExtensionId);
    }

    [Fact]
    public void Route_CompanyNumberUnmapped_GoesToTheAutoReceptionist()
    {
        var account = Account().Number("+16505550199", LineKind.CompanyNumber).Add(Other(300, "300", "Menu", ExtensionKind.IvrMenu)).Build();

        var plan = Route(account, "+16505550199", TuesdayMorning);

        Assert.Equal(300, plan.ExtensionId);
    }

    [Fact]
    public void Route_FaxNumber_IsRefusedBecauseFaxIsNotSimulated()
    {
        var plan = Route(Account().Number("+16505550190", LineKind.CompanyFaxNumber).Build(), "+16505550190", TuesdayMorning);

        Assert.Equal("refused", plan.Rule);
        Assert.Empty(plan.Steps);
        Assert.Equal(["+16505550190 is the company fax number; Switchboard does not simulate fax calls."], plan.Why);
    }

    [Fact]
    public void Route_UnknownNumber_IsRefused()
    {
        var plan = Route(Account().Build(), "+19995550000", TuesdayMorning);

        Assert.Null(plan.ExtensionId);
        Assert.Equal("refused", plan.Rule);
        Assert.Empty(plan.Steps);
        Assert.Equal(["The number +19995550000 does not belong to this account."], plan.Why);
    }

    [Fact]
    public void Route_NumberWithoutPlus_IsFoundInE164()
    {
        var plan = Route(Account().Build(), AliceDirect[1..], TuesdayMorning);

        Assert.Equal(Alice, plan.ExtensionId);
    }

    [Fact]
    public void Route_ExtensionNumberFromInside_ReachesThatExtension()
    {
        var plan = Route(Account().Build(), "101", TuesdayMorning, from: BobDirect, fromExtension: Bob);

        Assert.Equal(Alice, plan.ExtensionId);
        Assert.Equal("Extension 101 (Alice) is dialled from inside the account.", plan.Why[0]);
        Assert.Equal("work-hours", plan.Rule);
    }

    [Fact]
    public void Route_ExtensionNumberFromOutside_IsRefused()
    {
        var plan = Route(Account().Build(), "101", TuesdayMorning);

        Assert.Equal("refused", plan.Rule);
        Assert.Equal(["The number 101 does not belong to this account."], plan.Why);
    }

    [Fact]
    public void Route_HandedToAnExtension_ReachesItFromOutsideToo()
    {
        // An IVR choice, a forward or a transfer: the account hands an outside caller to the extension.
        var plan = Router.Route(new RoutingRequest(Account().Build(), Outsider, "101", null, TuesdayMorning, ToExtensionId: Alice));

        Assert.Equal((Alice, "work-hours"), (plan.ExtensionId, plan.Rule));
        Assert.Equal("The call is handed to extension 101 (Alice).", plan.Why[0]);
    }

    [Fact]
    public void Route_UnknownExtensionNumberFromInside_IsRefused()
    {
        var plan = Route(Account().Build(), "999", TuesdayMorning, from: BobDirect, fromExtension: Bob);

        Assert.Equal("refused", plan.Rule);
        Assert.Equal(["999 is neither an extension number nor a number of this account."], plan.Why);
    }

    [Fact]
    public void Route_DisabledExtension_IsRefused()
    {
        var account = Account().Add(AliceUser() with { Enabled = false }).Build();

        var plan = Route(account, AliceDirect, TuesdayMorning);

        Assert.Equal(Alice, plan.ExtensionId);
        Assert.Equal("refused", plan.Rule);
        Assert.Empty(plan.Steps);
        HasReason(plan, "Extension 101 (Alice) is disabled and takes no calls.");
    }

    [Fact]
    public void Route_NumberMappedToMissingExtension_IsRefused()
    {
        var plan = Route(Account().Number("+16505550177", LineKind.DirectNumber, 777).Build(), "+16505550177", TuesdayMorning);

        Assert.Equal("refused", plan.Rule);
        HasReason(plan, "mapped to extension id 777, which does not exist");
    }

    [Fact]
    public void Route_ExtensionOfOtherKind_IsRefused()
    {
        var fax = Other(400, "400", "Fax user", ExtensionKind.Other);
        var plan = Route(Account().Add(fax).Number("+16505550140", LineKind.DirectNumber, 400).Build(), "+16505550140", TuesdayMorning);

        Assert.Equal("refused", plan.Rule);
        HasReason(plan, "Extension 400 (Fax user) does not take voice calls.");
    }
}
