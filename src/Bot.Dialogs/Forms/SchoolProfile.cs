namespace Bot.Dialogs.Forms;

/// <summary>
/// A school's defaults (configuration section <c>Schools</c>): what the 2020 guide tells its students
/// to type — the school address, the advisor as contact person, the programme, the nearest station.
/// </summary>
public sealed record SchoolProfile(
    string Id,
    string Name,
    string? Unit = null,
    SchoolAddress? Address = null,
    string? ContactName = null,
    string? ContactPhone = null,
    string? ContactNationality = "中華民國",
    string? DefaultProgramme = null,
    string? NearestStation = null);

/// <summary>An address split the way the NIA form asks for it.</summary>
public sealed record SchoolAddress(
    string City,
    string District,
    string Street,
    string Number,
    string? Village = null,
    string? Neighbourhood = null,
    string? Lane = null,
    string? Alley = null)
{
    public override string ToString() =>
        City + District + Village + Neighbourhood + Street + Lane + Alley + Number;
}
