using Bot.Dialogs.Conversation;

namespace Bot.Dialogs.Forms;

/// <summary>
/// The fields every application shares, in the order of the NIA screens: account registration (學生註冊), the
/// applicant (申請人資料), the address in Taiwan, the contact person in Taiwan and the pickup (領證). An application
/// puts its own request page between registration and the personal data (see Applications/).
/// </summary>
public static class CommonFields
{
    /// <summary>學生註冊 — account registration.</summary>
    public static readonly IReadOnlyList<FieldSpec> Registration =
    [
        new("chineseName", FormStep.Register, NiaScreen.Registration, "中文姓名") { Optional = true, Read = (t, _) => NameRules.Chinese(t) },
        new("nameLines", FormStep.Register, NiaScreen.BotOnly, "姓名格式") { Options = NiaLists.NameLines, Reviewed = false },
        new("surname", FormStep.Register, NiaScreen.Registration, "英文姓氏") { Read = (t, _) => NameRules.English(t), AppliesWhen = c => c.State.Answer("nameLines") != "one" },
        new("givenNames", FormStep.Register, NiaScreen.Registration, "英文名字") { Read = (t, _) => NameRules.English(t), AppliesWhen = c => c.State.Answer("nameLines") != "one" },
        new("fullName", FormStep.Register, NiaScreen.BotOnly, "英文姓名")
        {
            Read = (t, _) => NameRules.OneLine(t),
            AppliesWhen = c => c.State.Answer("nameLines") == "one",
            OnAnswered = NameRules.SplitInto,
            Reviewed = false,
            Editable = false,
        },
        new("nationality", FormStep.Register, NiaScreen.Registration, "國籍")
        {
            Options = NiaLists.CommonNationalities,
            AllowsOtherText = true,
            Read = (t, _) => NameRules.Text(t, 40, "field.nationality.error"),
        },
        new("birthDate", FormStep.Register, NiaScreen.Registration, "出生日期(西元)") { Read = (t, c) => DateRules.BirthDate(t, c.Today), DateWindow = DateRules.BirthDateWindow },
        new("sex", FormStep.Register, NiaScreen.Registration, "性別") { Options = NiaLists.Sex },
        new("passportNumber", FormStep.Register, NiaScreen.Registration, "護照號碼") { Read = (t, _) => ContactRules.PassportNumber(t) },
        new("phone", FormStep.Register, NiaScreen.Registration, "聯絡電話") { Read = (t, _) => ContactRules.AnyPhone(t) },
        new("phoneExt", FormStep.Register, NiaScreen.Registration, "分機號碼") { Optional = true, Read = (t, _) => ContactRules.PhoneExtension(t) },
        new("email", FormStep.Register, NiaScreen.Registration, "電子郵件") { Read = (t, _) => ContactRules.Email(t) },
    ];

    /// <summary>
    /// Which configured school (if any) supplies defaults; asked first on the application's own page. A school preselected
    /// by its link (<see cref="SchoolLink"/>) is offered first, one tap to confirm.
    /// </summary>
    public static readonly FieldSpec SchoolProfile = new("schoolId", FormStep.Request, NiaScreen.BotOnly, "學校")
    {
        OptionsFrom = FieldContext.SchoolOptions,
        SchoolDefault = s => s.Name,
        AppliesWhen = c => c.Schools.Count > 0,
        Reviewed = false,
    };

    public static readonly FieldSpec UiNumber = new("uiNumber", FormStep.Request, NiaScreen.Request, "居留證號") { Read = (t, _) => Forms.UiNumber.Parse(t) };

    public static readonly FieldSpec Programme = new("programme", FormStep.Request, NiaScreen.Request, "申請來臺就學學制")
    {
        Options = NiaLists.Programmes,
        SchoolDefault = s => s.DefaultProgramme,
    };

    public static readonly FieldSpec SchoolUnit = new("schoolUnit", FormStep.ApplicationData, NiaScreen.ApplicationData, "學校單位")
    {
        Read = (t, _) => NameRules.Text(t, 60, "field.text.error"),
        SchoolDefault = s => s.Unit ?? s.Name,
    };

    public static readonly FieldSpec StudyStatus = new("studyStatus", FormStep.ApplicationData, NiaScreen.ApplicationData, "就學狀態") { Options = NiaLists.StudyStatus };

    /// <summary>居留證效期: which validities may be asked depends on the application and the student (<see cref="ValidityRules"/>).</summary>
    public static FieldSpec Validity(Func<FieldContext, OptionSet> options) =>
        new("validity", FormStep.ApplicationData, NiaScreen.ApplicationData, "居留證效期") { OptionsFrom = options };

    /// <summary>申請人資料 — the applicant. The ARC's expiry (bot-only, for reminders) follows the passport's where an application asks it.</summary>
    public static IReadOnlyList<FieldSpec> Applicant(FieldSpec? arcExpiry = null) =>
    [
        new("passportExpiry", FormStep.PersonalData, NiaScreen.Applicant, "護照有效日期") { Read = (t, c) => DateRules.PassportExpiry(t, c.Today), DateWindow = DateRules.PassportExpiryWindow },
        .. arcExpiry is null ? Array.Empty<FieldSpec>() : [arcExpiry],
        new("education", FormStep.PersonalData, NiaScreen.Applicant, "最高學歷") { Options = NiaLists.Education },
        new("school", FormStep.PersonalData, NiaScreen.Applicant, "就讀學校") { Read = (t, _) => NameRules.Text(t, 60, "field.text.error"), SchoolDefault = s => s.Name },
        new("grade", FormStep.PersonalData, NiaScreen.Applicant, "就讀年級") { Optional = true, Read = (t, _) => ReadGrade(t) },
        new("marital", FormStep.PersonalData, NiaScreen.Applicant, "婚姻狀況") { Options = NiaLists.Marital },
        new("taiwanPhone", FormStep.PersonalData, NiaScreen.Applicant, "在臺電話") { Optional = true, Read = (t, _) => ContactRules.PhoneInTaiwan(t) },
    ];

    /// <summary>The current ARC's expiry (居留期限), asked for the reminders; not typed on the NIA site.</summary>
    public static readonly FieldSpec ArcExpiry = new("arcExpiry", FormStep.PersonalData, NiaScreen.BotOnly, "居留證到期日") { Read = (t, c) => DateRules.ArcExpiry(t, c.Today), DateWindow = DateRules.ArcExpiryWindow };

    /// <summary>在臺居住地址 — the address in Taiwan, part by part, or the school's where its profile has one.</summary>
    public static readonly IReadOnlyList<FieldSpec> Address =
    [
        new("addressSource", FormStep.PersonalData, NiaScreen.BotOnly, "地址來源")
        {
            Options = NiaLists.UseSchoolDefault,
            AppliesWhen = c => c.School?.Address is not null,
            OnAnswered = SchoolDefaults.CopyAddress,
            Reviewed = false,
            Editable = false,
        },
        AddressPart("city", "縣市", (_, _) => FieldResult.Error("field.city.error")) with { Options = NiaLists.Cities },
        AddressPart("district", "鄉鎮市區", (t, _) => AddressRules.DistrictName(t)),
        AddressPart("village", "村/里", (t, _) => AddressRules.VillageName(t)) with { Optional = true },
        AddressPart("neighbourhood", "鄰", (t, _) => AddressRules.Neighbourhood(t)) with { Optional = true },
        AddressPart("street", "街、路段", (t, _) => AddressRules.StreetName(t)),
        AddressPart("lane", "巷", (t, _) => AddressRules.Lane(t)) with { Optional = true },
        AddressPart("alley", "弄", (t, _) => AddressRules.Alley(t)) with { Optional = true },
        AddressPart("houseNumber", "號", (t, _) => AddressRules.HouseNumber(t)),
    ];

    /// <summary>在臺聯絡人 — the contact person in Taiwan, or the school's contact where its profile has one.</summary>
    public static readonly IReadOnlyList<FieldSpec> Contact =
    [
        new("contactSource", FormStep.PersonalData, NiaScreen.BotOnly, "聯絡人來源")
        {
            Options = NiaLists.UseSchoolDefault,
            AppliesWhen = c => c.School?.ContactName is not null && c.School.ContactPhone is not null,
            OnAnswered = SchoolDefaults.CopyContact,
            Reviewed = false,
            Editable = false,
        },
        ContactPart("contactName", "在臺聯絡人姓名", (t, _) => NameRules.Text(t, 40, "field.text.error")),
        ContactPart("contactId", "在臺聯絡人身分證號(護照號碼或居留證號)", (t, _) => ContactRules.PersonId(t)) with { Optional = true },
        ContactPart("contactPhone", "在臺聯絡人電話", (t, _) => ContactRules.PhoneInTaiwan(t)),
        ContactPart("contactNationality", "在臺聯絡人國籍", (t, _) => NameRules.Text(t, 40, "field.nationality.error")) with
        {
            Options = NiaLists.ContactNationalities,
            AllowsOtherText = true,
        },
    ];

    /// <summary>領證 — how and where the card is collected.</summary>
    public static readonly IReadOnlyList<FieldSpec> Pickup =
    [
        new("pickupMethod", FormStep.PersonalData, NiaScreen.Pickup, "領證方式") { Options = NiaLists.PickupMethods },
        new("station", FormStep.PersonalData, NiaScreen.Pickup, "領證地點") { Options = NiaLists.Stations, SchoolDefault = s => s.NearestStation },
    ];

    public static readonly string[] AddressParts = ["city", "district", "village", "neighbourhood", "street", "lane", "alley", "houseNumber"];

    public static readonly string[] ContactParts = ["contactName", "contactId", "contactPhone", "contactNationality"];

    /// <summary>The personal data form as every application has it: applicant, address, contact, pickup.</summary>
    /// <param name="arcExpiry">The current ARC's expiry, where the application asks it (for the reminders).</param>
    /// <param name="collectsCard">When false the pickup is not asked (a 6-month e-ARC is downloaded, not collected).</param>
    public static IReadOnlyList<FieldSpec> PersonalData(FieldSpec? arcExpiry = null, Func<FieldContext, bool>? collectsCard = null) =>
    [
        .. Applicant(arcExpiry),
        .. Address,
        .. Contact,
        .. collectsCard is null ? Pickup : Pickup.Select(f => f with { AppliesWhen = collectsCard }),
    ];

    private static FieldSpec AddressPart(string id, string label, Func<string, FieldContext, FieldResult> read) =>
        new(id, FormStep.PersonalData, NiaScreen.Address, label) { Read = read, AppliesWhen = c => c.State.Answer("addressSource") != "school" };

    private static FieldSpec ContactPart(string id, string label, Func<string, FieldContext, FieldResult> read) =>
        new(id, FormStep.PersonalData, NiaScreen.Contact, label) { Read = read, AppliesWhen = c => c.State.Answer("contactSource") != "school" };

    private static FieldResult ReadGrade(string text)
    {
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        return int.TryParse(digits, out var grade) && grade is >= 1 and <= 12 ? FieldResult.Ok(grade + "年級") : FieldResult.Error("field.grade.error");
    }
}
