using Switchboard.Data;
using Switchboard.ForwardingNumbers;

namespace Switchboard.Tests.ForwardingNumbers;

/// <summary>The rules of seed 000 and 002 on the pure model, without a server.</summary>
public sealed class ForwardingBookTests
{
    private const long Account = 1, Extension = 2;
    private long _nextId = 100;

    private static ForwardingNumber Device(long id, int flip) => new()
    {
        Id = id, AccountId = Account, ExtensionId = Extension, DeviceId = id, PhoneNumber = $"+1212555{id:0000}",
        Label = $"Device {id}", Type = ForwardingNumberType.PhoneLine, FlipNumber = flip,
    };

    private static ForwardingBook Book(params ForwardingNumber[] entries) =>
        new([.. entries], new HashSet<string> { "+12125550101" }, "US");

    private ForwardingNumber Add(ForwardingBook book, string number, string? type = null, string? label = null, string? flip = null)
    {
        var (entry, error) = book.Create(new NumberChange(null, number, type, label, flip, null), _nextId++, Account, Extension);
        Assert.Null(error);
        return entry!;
    }

    [Theory]
    [InlineData("11235557890", "+11235557890")]
    [InlineData("+16505551212", "+16505551212")]
    [InlineData("(650) 555-0930", "+16505550930")]
    [InlineData("+44 20 7183 8750", "+442071838750")]
    public void Create_PossibleNumbers_AreStoredInE164(string input, string stored) =>
        Assert.Equal(stored, Add(Book(), input).PhoneNumber);

    [Theory]
    [InlineData("1-800-FLOWERS")]
    [InlineData("123")]
    [InlineData("+1650555121234567")]
    [InlineData("")]
    public void Create_ImpossibleNumbers_AreRefusedNamingPhoneNumber(string input)
    {
        var book = Book();
        var (_, error) = book.Create(new NumberChange(null, input, null, null, null, null), 1, Account, Extension);
        Assert.Equal(("CMN-101", "phoneNumber"), (error!.Code, error.ParameterName));
        Assert.Empty(book.Entries);
    }

    [Fact]
    public void Create_LabelCountsOnlyForTypeOther()
    {
        var book = Book();
        Assert.Equal("My ATT number", Add(book, "+16505550001", "Other", "My ATT number").Label);
        Assert.Equal("Other", Add(book, "+16505550002").Label);
        Assert.Equal("Home", Add(book, "+16505550003", "Home", "My ATT number").Label);
        Assert.Equal(ForwardingNumberType.Other, book.Entries.First().Type);
    }

    [Fact]
    public void Create_ADirectNumberOrADuplicate_IsRefused()
    {
        var book = Book();
        Add(book, "+16505550001");
        Assert.Equal("CMN-101", book.Create(new NumberChange(null, "+12125550101", null, null, null, null), 9, Account, Extension).Error!.Code);
        Assert.Equal("CMN-406", book.Create(new NumberChange(null, "(650) 555-0001", null, null, null, null), 9, Account, Extension).Error!.Code);
    }

    [Fact]
    public void FlipNumbers_TakeTheLowestFreeDigitAndNeverMove()
    {
        var book = Book(Device(10, 1), Device(11, 2));
        var a = Add(book, "+16505550001");
        var b = Add(book, "+16505550002");
        var c = Add(book, "+16505550003");
        Assert.Equal((3, 4, 5), (a.FlipNumber, b.FlipNumber, c.FlipNumber));

        Assert.Null(book.Delete(b, "forwardingNumberId"));
        Assert.Equal((3, 5), (a.FlipNumber, c.FlipNumber));
        Assert.Equal(4, Add(book, "+16505550004").FlipNumber);
    }

    [Fact]
    public void FlipNumbers_StopAtEight_AndNumbersBeyondAreForwardingOnly()
    {
        var book = Book(Device(10, 1), Device(11, 2));
        var added = Enumerable.Range(1, 7).Select(i => Add(book, $"+1650555000{i}")).ToList();
        Assert.Equal([3, 4, 5, 6, 7, 8, null], added.Select(e => e.FlipNumber));
        Assert.True(added[^1].Forwarding);
    }

    [Fact]
    public void Create_TheEleventhNumber_IsRefused_DevicesDoNotCount()
    {
        var book = Book(Device(10, 1));
        for (var i = 0; i < ForwardingBook.MaxNumbers; i++) Add(book, $"+165055501{i:00}");
        var (_, error) = book.Create(new NumberChange(null, "+16505550199", null, null, null, null), 99, Account, Extension);
        Assert.Equal("phoneNumber", error!.ParameterName);
        Assert.Equal(11, book.Entries.Count());
    }

    [Fact]
    public void Create_PhoneLine_NeedsADeviceOfTheExtensionAndNoPhoneNumber()
    {
        var book = Book(Device(10, 1));
        Assert.Equal("device.id", book.Create(new NumberChange(null, null, "PhoneLine", null, null, null), 1, Account, Extension).Error!.ParameterName);
        Assert.Equal(("CMN-102", "device.id"), Pair(book.Create(new NumberChange(null, null, "PhoneLine", null, null, "77"), 1, Account, Extension).Error!));
        Assert.Equal("device", book.Create(new NumberChange(null, "+16505550001", "PhoneLine", null, null, "10"), 1, Account, Extension).Error!.ParameterName);
        Assert.Equal("device", book.Create(new NumberChange(null, "+16505550001", "Home", null, null, "10"), 1, Account, Extension).Error!.ParameterName);

        var (line, error) = book.Create(new NumberChange(null, null, "PhoneLine", null, null, "10"), 1, Account, Extension);
        Assert.Null(error);
        Assert.Equal((10L, true, 1), (line!.Id, line.Forwarding, line.FlipNumber));
        Assert.Equal("CMN-406", book.Create(new NumberChange(null, null, "PhoneLine", null, null, "10"), 1, Account, Extension).Error!.Code);

        static (string, string?) Pair(Switchboard.Http.ApiError e) => (e.Code, e.ParameterName);
    }

    [Fact]
    public void Delete_ADevicesEntry_OnlyTakesItOutOfForwarding()
    {
        var device = Device(10, 1);
        device.Forwarding = true;
        var book = Book(device);
        Assert.Null(book.Delete(device, "forwardingNumberId"));
        Assert.Equal((false, 1), (device.Forwarding, device.FlipNumber));
        Assert.Equal("CMN-101", book.Delete(device, "forwardingNumberId")!.Code);
        Assert.Single(book.Entries);
    }

    [Fact]
    public void ReplaceFlipList_AddsChangesAndRemoves_KeepingDigitsAndDevices()
    {
        var book = Book(Device(10, 1));
        var mobile = Add(book, "+16505550001", "Mobile");
        var other = Add(book, "+16505550002", "Other", "Gone soon");
        other.Forwarding = false; // a flip-only number: leaving the flip list removes it

        var error = book.ReplaceFlipList(
        [
            new NumberChange(mobile.Id.ToString(), null, "External", "ignored", null, null),
            new NumberChange(null, "+16505550003", "BusinessMobile", null, null, null),
            new NumberChange(null, "+16505550004", null, "Cabin", "8", null),
        ], () => _nextId++, Account, Extension);

        Assert.Null(error);
        Assert.Equal(
            [("+12125550010", 1), ("+16505550001", 2), ("+16505550003", 3), ("+16505550004", 8)],
            book.Entries.Select(e => (e.PhoneNumber, e.FlipNumber ?? 0)));
        Assert.Equal("Mobile", mobile.Label); // a typed number keeps its type's label
        Assert.Contains(other, book.Removed);
        Assert.Equal(ForwardingNumberType.BusinessMobilePhone, book.Entries.Single(e => e.PhoneNumber == "+16505550003").Type);
        Assert.Equal("Cabin", book.Entries.Single(e => e.PhoneNumber == "+16505550004").Label);
    }

    [Fact]
    public void ReplaceFlipList_OneBadRecord_ChangesNothing()
    {
        var book = Book(Device(10, 1));
        var mobile = Add(book, "+16505550001", "Mobile");
        var error = book.ReplaceFlipList(
        [
            new NumberChange(null, "+16505550005", null, null, null, null, "records[0]."),
            new NumberChange(mobile.Id.ToString(), "+12125550101", null, null, null, null, "records[1]."),
        ], () => _nextId++, Account, Extension);

        Assert.Equal(("CMN-101", "records[1].phoneNumber"), (error!.Code, error.ParameterName));
        Assert.Equal([("+12125550010", 1), ("+16505550001", 2)], book.Entries.Select(e => (e.PhoneNumber, e.FlipNumber ?? 0)));
        Assert.Equal([mobile], book.Added); // only what the test itself added
    }

    [Theory]
    [InlineData("9", "records[0].flipNumber")]
    [InlineData("x", "records[0].flipNumber")]
    public void ReplaceFlipList_FlipNumberOutsideOneToEight_IsRefused(string flip, string parameter)
    {
        var error = Book().ReplaceFlipList([new NumberChange(null, "+16505550005", null, null, flip, null, "records[0].")], () => 1, Account, Extension);
        Assert.Equal(parameter, error!.ParameterName);
    }

    [Fact]
    public void ReplaceFlipList_TheSameDigitTwice_IsRefused()
    {
        var error = Book().ReplaceFlipList(
        [
            new NumberChange(null, "+16505550005", null, null, "3", null, "records[0]."),
            new NumberChange(null, "+16505550006", null, null, "3", null, "records[1]."),
        ], () => _nextId++, Account, Extension);
        Assert.Equal(("CMN-406", "records[1].flipNumber"), (error!.Code, error.ParameterName));
    }

    [Fact]
    public void RemoveForwardingTarget_KeepsAFlipNumberAsFlipOnly()
    {
        var book = Book(Device(10, 1));
        var mobile = Add(book, "+16505550001", "Mobile");
        Assert.Null(book.RemoveForwardingTarget("+1 650 555 0001", null, "records[0]"));
        Assert.Equal((false, 2), (mobile.Forwarding, mobile.FlipNumber));
        Assert.Equal("CMN-102", book.RemoveForwardingTarget("+16505550001", null, "records[0]")!.Code);
        Assert.Equal("CMN-101", book.RemoveForwardingTarget(null, "10", "records[0]")!.Code);
    }
}
