namespace Bot.Dialogs.Forms;

/// <summary>An NIA service station (領證地點) where the card is collected.</summary>
public sealed record ServiceStation(string Code, string Name, string English, string Address, string Phone);

/// <summary>
/// The 25 NIA service stations (domain.md §2.7; public seed data, cross-checked where marked there).
/// Counters open Mon–Fri 08:00–17:00 without a lunch break.
/// </summary>
public static class ServiceStations
{
    public static readonly IReadOnlyList<ServiceStation> All =
    [
        new("TPE", "臺北市服務站", "Taipei City", "100213臺北市中正區廣州街15號", "02-2388-5185"),
        new("NTPC", "新北市服務站", "New Taipei City", "235016新北市中和區民安街135號1樓", "02-8228-2090"),
        new("KEE", "基隆市服務站", "Keelung City", "202201基隆市義一路18號11樓(A棟)", "02-2427-6374"),
        new("TAO", "桃園市服務站", "Taoyuan City", "330026桃園市桃園區縣府路106號1樓", "03-331-0409"),
        new("HSZ", "新竹市服務站", "Hsinchu City", "300003新竹市北區中華路三段12號1樓", "03-524-3517"),
        new("HSQ", "新竹縣服務站", "Hsinchu County", "302008新竹縣竹北市三民路133號1樓", "03-551-9905"),
        new("MIA", "苗栗縣服務站", "Miaoli County", "360012苗栗市中正路1291巷8號", "037-322-350"),
        new("TXG1", "臺中市第一服務站", "Taichung City 1st", "408024臺中市南屯區文心南三路22號1樓", "04-2472-5103"),
        new("TXG2", "臺中市第二服務站", "Taichung City 2nd", "420010臺中市豐原區中山路280號", "04-2526-9777"),
        new("CHA", "彰化縣服務站", "Changhua County", "500035彰化市中山路三段2號1樓", "04-727-0001"),
        new("NAN", "南投縣服務站", "Nantou County", "540018南投縣南投市文昌街87號1樓", "049-220-0065"),
        new("YUN", "雲林縣服務站", "Yunlin County", "640004雲林縣斗六市府前街38號1樓", "05-534-5971"),
        new("CYI", "嘉義市服務站", "Chiayi City", "600016嘉義市東區吳鳳北路184號2樓", "05-216-6100"),
        new("CYQ", "嘉義縣服務站", "Chiayi County", "613016嘉義縣朴子市祥和二路西段6號1樓", "05-362-3763"),
        new("TNN1", "臺南市第一服務站", "Tainan City 1st", "700016臺南市中西區府前路一段262號", "06-293-7641"),
        new("TNN2", "臺南市第二服務站", "Tainan City 2nd", "741002臺南市善化區中山路353號1樓", "06-581-7404"),
        new("KHH1", "高雄市第一服務站", "Kaohsiung City 1st", "802304高雄市苓雅區政南街6號5、6樓", "07-715-1660"),
        new("KHH2", "高雄市第二服務站", "Kaohsiung City 2nd", "820009高雄市岡山區岡山路115號", "07-621-2143"),
        new("PIF", "屏東縣服務站", "Pingtung County", "900007屏東市中山路60號1樓", "08-766-1885"),
        new("ILA", "宜蘭縣服務站", "Yilan County", "260009宜蘭市民權路一段53號", "03-957-5448"),
        new("HUA", "花蓮縣服務站", "Hualien County", "970009花蓮縣花蓮市中山路371號5樓", "03-8329-700"),
        new("TTT", "臺東縣服務站", "Taitung County", "950014臺東縣臺東市長沙街59號", "089-361-631"),
        new("KIN", "金門縣服務站", "Kinmen County", "893017金門縣金城鎮西海路一段5號2樓", "082-323-695"),
        new("LIE", "連江縣服務站", "Lienchiang County", "209002連江縣南竿鄉福沃村135-6號2樓", "0836-23736"),
        new("PEN", "澎湖縣服務站", "Penghu County", "880006澎湖縣馬公市新生路177號1樓", "06-926-4545"),
    ];

    public static ServiceStation? ByName(string? name) => All.FirstOrDefault(s => s.Name == name);
}
