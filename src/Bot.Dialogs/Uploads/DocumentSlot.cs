namespace Bot.Dialogs.Uploads;

/// <summary>
/// One upload field of the NIA extension form. <see cref="FileStem"/> starts with the NIA order
/// number so the student's downloads sort the way the form asks for them.
/// </summary>
public sealed record DocumentSlot(string Id, string FileStem, bool Required, bool OnlyIfAddressChanged, string HintKey);
