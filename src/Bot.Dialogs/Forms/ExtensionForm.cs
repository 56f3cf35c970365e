using Bot.Dialogs.Conversation;

namespace Bot.Dialogs.Forms;

/// <summary>
/// Every field of the extension (延期) application in the order of the NIA screens: account registration
/// (學生註冊), the extension request (延期申請), the application data (申請資料), then the personal data
/// form (applicant, address in Taiwan, contact person, pickup).
/// </summary>
public static class ExtensionForm
{
    public static readonly IReadOnlyList<FieldSpec> Fields =
    [
        // 學生註冊 — account registration.
        new("chineseName", FormStep.Register, NiaScreen.Registration, "中文姓名") { Optional = true, Read = (t, _) => NameRules.Chinese(t) },
        new("nameLines", FormStep.Register, NiaScreen.BotOnly, "姓名格式") { Options = NiaLists.NameLines },
        new("surname", FormStep.Register, NiaScreen.Registration, "英文姓氏") { Read = (t, _) => NameRules.English(t), AppliesWhen = c => c.State.Answer("nameLines") != "one" },
        new("givenNames", FormStep.Register, NiaScreen.Registration, "英文名字") { Read = (t, _) => NameRules.English(t), AppliesWhen = c => c.State.Answer("nameLines") != "one" },
        new("fullName", FormStep.Register, NiaScreen.BotOnly, "英文姓名")
        {
            Read = ReadOneLineName,
            AppliesWhen = c => c.State.Answer("nameLines") == "one",
            OnAnswered = (s, v, _) => SplitOneLineName(s, v),
        },
        new("nationality", FormStep.Register, NiaScreen.Registration, "國籍")
        {
            Options = NiaLists.CommonNationalities,
            AllowsOtherText = true,
            Read = (t, _) => NameRules.Text(t, 40, "field.nationality.error"),
        },
        new("birthDate", FormStep.Register, NiaScreen.Registration, "出生日期(西元)") { Read = (t, c) => DateRules.BirthDate(t, c.Today) },
        new("sex", FormStep.Register, NiaScreen.Registration, "性別") { Options = NiaLists.Sex },
        new("passportNumber", FormStep.Register, NiaScreen.Registration, "護照號碼") { Read = (t, _) => ContactRules.PassportNumber(t) },
        new("phone", FormStep.Register, NiaScreen.Registration, "聯絡電話") { Read = (t, _) => ContactRules.AnyPhone(t) },
        new("phoneExt", FormStep.Register, NiaScreen.Registration, "分機號碼") { Optional = true, Read = (t, _) => ContactRules.PhoneExtension(t) },
        new("email", FormStep.Register, NiaScreen.Registration, "電子郵件") { Read = (t, _) => ContactRules.Email(t) },

        // 延期申請 — the extension request. First, which configured school (if any) supplies defaults.
        new("schoolId", FormStep.ExtensionRequest, NiaScreen.BotOnly, "學校")
        {
            OptionsFrom = FieldContext.SchoolOptions,
            AppliesWhen = c => c.Schools.Count > 0,
        },
        new("uiNumber", FormStep.ExtensionRequest, NiaScreen.ExtensionRequest, "居留證號") { Read = (t, _) => UiNumber.Parse(t) },
        new("programme", FormStep.ExtensionRequest, NiaScreen.ExtensionRequest, "申請來臺就學學制") { Options = NiaLists.Programmes, SchoolDefault = s => s.DefaultProgramme },
        new("reason", FormStep.ExtensionRequest, NiaScreen.ExtensionRequest, "延期事由") { Options = NiaLists.Reasons },

        // 申請資料 — the application data.
        new("schoolUnit", FormStep.ApplicationData, NiaScreen.ApplicationData, "學校單位")
        {
            Read = (t, _) => NameRules.Text(t, 60, "field.text.error"),
            SchoolDefault = s => s.Unit ?? s.Name,
        },
        new("studyStatus", FormStep.ApplicationData, NiaScreen.ApplicationData, "就學狀態") { Options = NiaLists.StudyStatus },
        new("validity", FormStep.ApplicationData, NiaScreen.ApplicationData, "居留證效期") { Options = NiaLists.Validity },
        new("addressChanged", FormStep.ApplicationData, NiaScreen.BotOnly, "地址是否變更") { Options = NiaLists.YesNo },

        // 申請人資料 — the applicant.
        new("passportExpiry", FormStep.PersonalData, NiaScreen.Applicant, "護照有效日期") { Read = (t, c) => DateRules.PassportExpiry(t, c.Today) },
        new("arcExpiry", FormStep.PersonalData, NiaScreen.BotOnly, "居留證到期日") { Read = (t, c) => DateRules.ArcExpiry(t, c.Today) },
        new("education", FormStep.PersonalData, NiaScreen.Applicant, "最高學歷") { Options = NiaLists.Education },
        new("school", FormStep.PersonalData, NiaScreen.Applicant, "就讀學校") { Read = (t, _) => NameRules.Text(t, 60, "field.text.error"), SchoolDefault = s => s.Name },
        new("grade", FormStep.PersonalData, NiaScreen.Applicant, "就讀年級") { Optional = true, Read = (t, _) => ReadGrade(t) },
        new("marital", FormStep.PersonalData, NiaScreen.Applicant, "婚姻狀況") { Options = NiaLists.Marital },
        new("taiwanPhone", FormStep.PersonalData, NiaScreen.Applicant, "在臺電話") { Optional = true, Read = (t, _) => ContactRules.PhoneInTaiwan(t) },

        // 在臺居住地址 — the address in Taiwan, part by part.
        new("addressSource", FormStep.PersonalData, NiaScreen.BotOnly, "地址來源")
        {
            Options = NiaLists.UseSchoolDefault,
            AppliesWhen = c => c.School?.Address is not null,
            OnAnswered = (s, v, c) => CopySchoolAddress(s, v, c),
        },
        Address("city", "縣市", (t, _) => FieldResult.Error("field.city.error")) with { Options = NiaLists.Cities },
        Address("district", "鄉鎮市區", (t, _) => AddressRules.DistrictName(t)),
        Address("village", "村/里", (t, _) => AddressRules.VillageName(t)) with { Optional = true },
        Address("neighbourhood", "鄰", (t, _) => AddressRules.Neighbourhood(t)) with { Optional = true },
        Address("street", "街、路段", (t, _) => AddressRules.StreetName(t)),
        Address("lane", "巷", (t, _) => AddressRules.Lane(t)) with { Optional = true },
        Address("alley", "弄", (t, _) => AddressRules.Alley(t)) with { Optional = true },
        Address("houseNumber", "號", (t, _) => AddressRules.HouseNumber(t)),

        // 在臺聯絡人 — the contact person in Taiwan.
        new("contactSource", FormStep.PersonalData, NiaScreen.BotOnly, "聯絡人來源")
        {
            Options = NiaLists.UseSchoolDefault,
            AppliesWhen = c => c.School?.ContactName is not null && c.School.ContactPhone is not null,
            OnAnswered = (s, v, c) => CopySchoolContact(s, v, c),
        },
        Contact("contactName", "在臺聯絡人姓名", (t, _) => NameRules.Text(t, 40, "field.text.error")),
        Contact("contactId", "在臺聯絡人身分證號(護照號碼或居留證號)", (t, _) => ContactRules.PersonId(t)) with { Optional = true },
        Contact("contactPhone", "在臺聯絡人電話", (t, _) => ContactRules.PhoneInTaiwan(t)),
        Contact("contactNationality", "在臺聯絡人國籍", (t, _) => NameRules.Text(t, 40, "field.nationality.error")) with
        {
            Options = NiaLists.ContactNationalities,
            AllowsOtherText = true,
        },

        // 領證 — how and where the card is collected.
        new("pickupMethod", FormStep.PersonalData, NiaScreen.Pickup, "領證方式") { Options = NiaLists.PickupMethods },
        new("station", FormStep.PersonalData, NiaScreen.Pickup, "領證地點") { Options = NiaLists.Stations, SchoolDefault = s => s.NearestStation },
    ];

    private static readonly Dictionary<string, FieldSpec> ById = Fields.ToDictionary(f => f.Id);

    public static FieldSpec Get(string id) => ById[id];

    public static FieldSpec? Find(string? id) => id is not null && ById.TryGetValue(id, out var field) ? field : null;

    public static readonly string[] AddressParts = ["city", "district", "village", "neighbourhood", "street", "lane", "alley", "houseNumber"];

    public static readonly string[] ContactParts = ["contactName", "contactId", "contactPhone", "contactNationality"];

    private static FieldSpec Address(string id, string label, Func<string, FieldContext, FieldResult> read) =>
        new(id, FormStep.PersonalData, NiaScreen.Address, label) { Read = read, AppliesWhen = c => c.State.Answer("addressSource") != "school" };

    private static FieldSpec Contact(string id, string label, Func<string, FieldContext, FieldResult> read) =>
        new(id, FormStep.PersonalData, NiaScreen.Contact, label) { Read = read, AppliesWhen = c => c.State.Answer("contactSource") != "school" };

    private static FieldResult ReadOneLineName(string text, FieldContext context)
    {
        var name = NameRules.English(text);
        if (!name.IsValid)
        {
            return name;
        }

        return NameRules.SplitOneLine(name.Value!) is null ? FieldResult.Error("field.fullName.error.oneWord") : name;
    }

    private static void SplitOneLineName(StudentState state, string fullName)
    {
        var (surname, given) = NameRules.SplitOneLine(fullName)!.Value;
        state.Answers["surname"] = surname;
        state.Answers["givenNames"] = given;
    }

    private static FieldResult ReadGrade(string text)
    {
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        return int.TryParse(digits, out var grade) && grade is >= 1 and <= 12 ? FieldResult.Ok(grade + "年級") : FieldResult.Error("field.grade.error");
    }

    private static void CopySchoolAddress(StudentState state, string source, FieldContext context)
    {
        if (source != "school" || context.School?.Address is not { } address)
        {
            return;
        }

        Set(state, "city", NiaLists.Cities.Match(address.City)?.Code ?? address.City);
        Set(state, "district", address.District);
        Set(state, "village", address.Village);
        Set(state, "neighbourhood", address.Neighbourhood);
        Set(state, "street", address.Street);
        Set(state, "lane", address.Lane);
        Set(state, "alley", address.Alley);
        Set(state, "houseNumber", address.Number);
    }

    private static void CopySchoolContact(StudentState state, string source, FieldContext context)
    {
        if (source != "school" || context.School is not { } school)
        {
            return;
        }

        Set(state, "contactName", school.ContactName);
        Set(state, "contactPhone", school.ContactPhone);
        Set(state, "contactNationality", school.ContactNationality ?? "中華民國");
        state.Answers.Remove("contactId");
    }

    private static void Set(StudentState state, string id, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            state.Answers.Remove(id);
        }
        else
        {
            state.Answers[id] = value;
        }
    }
}
