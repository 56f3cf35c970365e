using System.ComponentModel.DataAnnotations;
using Bot.Dialogs.Forms;

namespace Bot.Host.Conversation;

/// <summary>One entry of the <c>Schools</c> section: the defaults a school gives its students.</summary>
public sealed class SchoolOptions
{
    [Required]
    [RegularExpression("^[a-z0-9-]{1,20}$", ErrorMessage = "Schools:N:Id must be 1–20 lower-case letters, digits or hyphens.")]
    public string Id { get; set; } = string.Empty;

    [Required]
    public string Name { get; set; } = string.Empty;

    public string? Unit { get; set; }

    public SchoolAddressOptions? Address { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactNationality { get; set; }

    /// <summary>An NIA 學制 (e.g. 學士, 產學合作專班) or its code (bachelor, industry).</summary>
    public string? DefaultProgramme { get; set; }

    /// <summary>An NIA service station by its Chinese name (e.g. 高雄市第一服務站) or code (KHH1).</summary>
    public string? NearestStation { get; set; }

    public SchoolProfile ToProfile() => new(
        Id,
        Name,
        Unit,
        Address?.ToAddress(),
        ContactName,
        ContactPhone,
        ContactNationality ?? "中華民國",
        DefaultProgramme,
        NearestStation is null ? null : NiaLists.Stations.Match(NearestStation)?.Value ?? NearestStation);
}

public sealed class SchoolAddressOptions
{
    [Required] public string City { get; set; } = string.Empty;

    [Required] public string District { get; set; } = string.Empty;

    public string? Village { get; set; }

    public string? Neighbourhood { get; set; }

    [Required] public string Street { get; set; } = string.Empty;

    public string? Lane { get; set; }

    public string? Alley { get; set; }

    [Required] public string Number { get; set; } = string.Empty;

    public SchoolAddress ToAddress() => new(City, District, Street, Number, Village, Neighbourhood, Lane, Alley);
}

/// <summary>The whole section, validated at start so a typo in a station or programme name fails with its key.</summary>
public sealed class SchoolsOptions
{
    public List<SchoolOptions> Schools { get; set; } = [];

    public IEnumerable<string> Problems()
    {
        for (var i = 0; i < Schools.Count; i++)
        {
            var school = Schools[i];
            var context = new ValidationContext(school);
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(school, context, results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    yield return $"Schools:{i}:{string.Join(',', result.MemberNames)}: {result.ErrorMessage}";
                }
            }

            // The id is the start parameter of the school's Telegram link (and its QR code on the dashboard).
            if (!SchoolLink.IsValidCode(school.Id))
            {
                yield return $"Schools:{i}:Id '{school.Id}' cannot be a Telegram start parameter (1–{SchoolLink.MaxLength} characters of A–Z, a–z, 0–9, _ and -).";
            }
            else if (string.Equals(school.Id, SchoolLink.GroupPayload, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"Schools:{i}:Id '{school.Id}' is taken by the bot's own link from groups; choose another.";
            }

            if (school.DefaultProgramme is { } programme && NiaLists.Programmes.Match(programme) is null)
            {
                yield return $"Schools:{i}:DefaultProgramme '{programme}' is not one of the NIA's 12 programmes.";
            }

            if (school.NearestStation is { } station && NiaLists.Stations.Match(station) is null)
            {
                yield return $"Schools:{i}:NearestStation '{station}' is not an NIA service station.";
            }

            if (school.Address is { } address && NiaLists.Cities.Match(address.City) is null)
            {
                yield return $"Schools:{i}:Address:City '{address.City}' is not a Taiwanese city or county.";
            }
        }

        if (Schools.GroupBy(s => s.Id).Any(g => g.Count() > 1))
        {
            yield return "Schools: two schools have the same Id.";
        }
    }
}
