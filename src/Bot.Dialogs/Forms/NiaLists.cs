namespace Bot.Dialogs.Forms;

/// <summary>
/// The drop-down lists of the NIA forms, with the NIA's own wording (nia-guide-2020: 學制 has 12 entries,
/// 延期事由 two). Lists the guide does not show (婚姻狀況, 最高學歷, 領證方式, 居留證效期 beyond 1年)
/// use the usual Taiwanese government wording; the review tells the student to pick the same entry on the site.
/// </summary>
public static class NiaLists
{
    public static readonly OptionSet Programmes = new("programme", [
        new("bachelor", "學士", "Bachelor"),
        new("master", "碩士", "Master"),
        new("doctor", "博士", "Doctorate"),
        new("primary", "小學", "Primary school"),
        new("junior", "國中", "Junior high school"),
        new("senior", "高中職", "Senior / vocational high school"),
        new("prep", "僑大先修班", "Overseas Chinese university preparatory"),
        new("overseasTech", "海外青年技術訓練班", "Overseas youth vocational training"),
        new("exchange", "交換生", "Exchange student"),
        new("language", "短期語言學習", "Short-term language study"),
        new("foreignTech", "外國青年技術訓練班", "Foreign youth vocational training"),
        new("industry", "產學合作專班", "Industry-academia cooperation programme"),
    ]);

    public static readonly OptionSet Reasons = new("reason", [
        new("studying", "在學延期", "Still studying"),
        new("graduate", "畢業實習延期", "Graduation / internship"),
    ]);

    /// <summary>How a first applicant entered: the visitor route pays more and has its own window (Regulations Art. 6 ¶2).</summary>
    public static readonly OptionSet EntryVisas = new("entryVisa", [
        new("resident", "居留簽證", "Resident visa (e.g. FS, FC, FR)"),
        new("visitor", "免簽證或停留簽證", "Visa-exempt or visitor visa"),
    ]);

    /// <summary>What a data change (居留證資料異動) is for; the NIA page's own wording was not documented.</summary>
    public static readonly OptionSet ChangeKinds = new("changeKind", [
        new("address", "住址變更", "New address"),
        new("passport", "護照換發", "New passport"),
        new("both", "住址及護照", "Both"),
        new("other", "其他資料", "Other data (e.g. name)"),
    ]);

    public static readonly OptionSet ReissueReasons = new("reissueReason", [
        new("lost", "遺失", "Lost"),
        new("stolen", "被竊", "Stolen"),
        new("damaged", "毀損", "Damaged"),
    ]);

    public static readonly OptionSet SchoolChangeKinds = new("schoolChangeKind", [
        new("transfer", "轉學", "Transfer to another school"),
        new("moveUp", "升學", "Moving up a level (e.g. bachelor → master)"),
    ]);

    public static readonly OptionSet StudyStatus = new("studyStatus", [
        new("registered", "已註冊", "Registered this term"),
        new("notRegistered", "未註冊", "Not yet registered"),
    ]);

    public static readonly OptionSet Validity = new("validity", [
        new("1", "1年", "1 year"),
        new("2", "2年", "2 years"),
        new("3", "3年", "3 years"),
    ]);

    public static readonly OptionSet Sex = new("sex", [
        new("m", "男", "Male"),
        new("f", "女", "Female"),
    ]);

    public static readonly OptionSet Education = new("education", [
        new("primary", "國小", "Primary school"),
        new("junior", "國中", "Junior high school"),
        new("senior", "高中職", "Senior high school"),
        new("college", "專科", "Junior college"),
        new("bachelor", "學士", "Bachelor"),
        new("master", "碩士", "Master"),
        new("doctor", "博士", "Doctorate"),
    ]);

    public static readonly OptionSet Marital = new("marital", [
        new("single", "未婚", "Single"),
        new("married", "已婚", "Married"),
        new("divorced", "離婚", "Divorced"),
        new("widowed", "喪偶", "Widowed"),
    ]);

    public static readonly OptionSet PickupMethods = new("pickupMethod", [
        new("counter", "臨櫃領取", "Collect in person at a service station"),
    ]);

    public static readonly OptionSet NameLines = new("nameLines", [
        new("two", "姓與名分開", "Yes, separate"),
        new("one", "只有一行姓名", "No, one name line"),
    ]);

    public static readonly OptionSet YesNo = new("yesNo", [
        new("yes", "是", "Yes"),
        new("no", "否", "No"),
    ]);

    public static readonly OptionSet UseSchoolDefault = new("useSchool", [
        new("school", "使用學校資料", "Use my school's"),
        new("own", "自行輸入", "Type my own"),
    ]);

    public static readonly OptionSet Cities = new("city", [
        new("TPE", "臺北市", "Taipei City"), new("NTPC", "新北市", "New Taipei City"), new("KEE", "基隆市", "Keelung City"),
        new("TAO", "桃園市", "Taoyuan City"), new("HSZ", "新竹市", "Hsinchu City"), new("HSQ", "新竹縣", "Hsinchu County"),
        new("MIA", "苗栗縣", "Miaoli County"), new("TXG", "臺中市", "Taichung City"), new("CHA", "彰化縣", "Changhua County"),
        new("NAN", "南投縣", "Nantou County"), new("YUN", "雲林縣", "Yunlin County"), new("CYI", "嘉義市", "Chiayi City"),
        new("CYQ", "嘉義縣", "Chiayi County"), new("TNN", "臺南市", "Tainan City"), new("KHH", "高雄市", "Kaohsiung City"),
        new("PIF", "屏東縣", "Pingtung County"), new("ILA", "宜蘭縣", "Yilan County"), new("HUA", "花蓮縣", "Hualien County"),
        new("TTT", "臺東縣", "Taitung County"), new("PEN", "澎湖縣", "Penghu County"), new("KIN", "金門縣", "Kinmen County"),
        new("LIE", "連江縣", "Lienchiang County"),
    ]);

    /// <summary>The nationalities most students in Taiwan have, offered as buttons; any other country may be typed.</summary>
    public static readonly OptionSet CommonNationalities = new("nationality", [
        new("MY", "馬來西亞", "Malaysia"), new("VN", "越南", "Vietnam"), new("ID", "印尼", "Indonesia"),
        new("IN", "印度", "India"), new("JP", "日本", "Japan"), new("US", "美國", "United States"),
        new("KR", "韓國", "Korea"), new("PH", "菲律賓", "Philippines"), new("TH", "泰國", "Thailand"),
        new("MN", "蒙古", "Mongolia"), new("FR", "法國", "France"), new("DE", "德國", "Germany"),
        new("TW", "中華民國", "Republic of China (Taiwan)"),
    ]);

    /// <summary>A contact person in Taiwan is usually Taiwanese: 中華民國 comes first.</summary>
    public static readonly OptionSet ContactNationalities = new("nationality", [
        CommonNationalities.Options[^1],
        .. CommonNationalities.Options.Take(CommonNationalities.Options.Count - 1),
    ]);

    public static readonly OptionSet Stations = new("station", [.. ServiceStations.All.Select(s => new Option(s.Code, s.Name, s.English))]);
}
