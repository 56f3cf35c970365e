using Bot.Dialogs.Applications.Kinds;

namespace Bot.Dialogs.Applications;

/// <summary>The six items of the NIA menu 線上申辦, in the menu's order. Adding one is a definition, its catalogue files and its tests.</summary>
public static class ApplicationCatalogue
{
    public static ApplicationDefinition Extension => ExtensionApplication.Definition;

    public static readonly IReadOnlyList<ApplicationDefinition> All =
    [
        FirstApplication.Definition,
        ExtensionApplication.Definition,
        CardExchangeApplication.Definition,
        DataChangeApplication.Definition,
        ReissueApplication.Definition,
        SchoolChangeApplication.Definition,
    ];

    /// <summary>The application a stored code names; records written before the other applications existed were all extensions.</summary>
    public static ApplicationDefinition For(string? code) => Find(code) ?? Extension;

    public static ApplicationDefinition? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var application) ? application : null;

    private static readonly Dictionary<string, ApplicationDefinition> ByCode = All.ToDictionary(a => a.Code, StringComparer.Ordinal);
}
