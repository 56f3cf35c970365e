namespace Bot.Dialogs.Uploads;

/// <summary>The document slots of an ARC extension, in the order the NIA form lists them.</summary>
public static class DocumentSlots
{
    /// <summary>ARC, front and back (both sides carry data: NIA asks for both).</summary>
    public static readonly DocumentSlot Arc = new("arc", "1-arc", Required: true, OnlyIfAddressChanged: false, UploadMessageKeys.DocHintArc);

    /// <summary>Passport data page.</summary>
    public static readonly DocumentSlot Passport = new("passport", "2-passport", Required: true, OnlyIfAddressChanged: false, UploadMessageKeys.DocHintPassport);

    /// <summary>Proof of residence (lease or dorm letter): only needed when the address changed.</summary>
    public static readonly DocumentSlot Residence = new("residence", "3-residence", Required: false, OnlyIfAddressChanged: true, UploadMessageKeys.DocHintResidence);

    /// <summary>Certificate of enrolment for the coming term.</summary>
    public static readonly DocumentSlot Enrolment = new("enrolment", "4-enrolment", Required: true, OnlyIfAddressChanged: false, UploadMessageKeys.DocHintEnrolment);

    /// <summary>Anything else the school or NIA asked for.</summary>
    public static readonly DocumentSlot Other = new("other", "5-other", Required: false, OnlyIfAddressChanged: false, UploadMessageKeys.DocHintOther);

    public static readonly IReadOnlyList<DocumentSlot> All = [Arc, Passport, Residence, Enrolment, Other];

    public static DocumentSlot? Find(string idOrStem) =>
        All.FirstOrDefault(s => s.Id == idOrStem || s.FileStem == idOrStem);
}
