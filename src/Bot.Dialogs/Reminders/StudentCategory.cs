namespace Bot.Dialogs.Reminders;

/// <summary>Who pays which ARC fee rate.</summary>
public enum StudentCategory
{
    /// <summary>Foreign student (FS visa): full rate.</summary>
    Foreign,

    /// <summary>Overseas-Chinese student (僑生, FC visa): half rate.</summary>
    OverseasChinese,
}
