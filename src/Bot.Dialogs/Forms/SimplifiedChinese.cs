namespace Bot.Dialogs.Forms;

/// <summary>
/// Common simplified Chinese characters and their traditional forms, for names typed in simplified script (陈大文 →
/// 陳大文): the NIA form takes Traditional characters. Only characters that exist solely as simplified forms are
/// listed (干, 里, 台, 杰, 庄… are also traditional, so they are not), so a name the table flags is certainly simplified.
/// Compiled for this project from the standard simplification list (簡化字總表); not exhaustive: a name with rarer
/// simplified characters passes, and the review and the NIA site are the next checks.
/// </summary>
internal static class SimplifiedChinese
{
    /// <summary>Pairs: a simplified character followed by its traditional form.</summary>
    private const string Pairs =
        "万萬东東严嚴丰豐丽麗义義乐樂乔喬乡鄉书書亚亞亿億仑崙仪儀优優会會伞傘伟偉传傳伦倫侠俠侨僑俭儉偿償儿兒兑兌党黨兰蘭关關兴興" +
        "养養冈岡写寫军軍农農冯馮减減凤鳳凯凱刘劉则則刚剛创創别別刹剎剧劇办辦务務动動励勵劲勁劳勞势勢勋勳区區医醫华華单單卖賣卢盧" +
        "卫衛厅廳历歷厉厲压壓县縣参參双雙变變叶葉号號叹嘆吓嚇吕呂吗嗎启啟吴吳员員响響哗嘩唤喚团團园園围圍国國图圖圣聖场場坏壞块塊" +
        "坚堅坛壇垒壘垦墾埙塤壮壯声聲处處备備复復够夠头頭夹夾夺奪奋奮奖獎妆妝妇婦妈媽姗姍娄婁娅婭娇嬌娱娛婴嬰婵嬋孙孫学學宁寧宝寶" +
        "实實宠寵审審宪憲宫宮宽寬宾賓对對寻尋导導寿壽将將尔爾尘塵尝嘗层層屿嶼岁歲岂豈岗崗岚嵐岛島岭嶺峡峽峦巒巩鞏币幣帅帥师師帐帳" +
        "带帶帮幫并並广廣庆慶库庫应應庙廟废廢开開异異弃棄张張弥彌弯彎强強归歸当當录錄彦彥彻徹径徑忆憶忧憂怀懷态態怜憐总總恋戀恳懇" +
        "恶惡悦悅悬懸惊驚惧懼惩懲惯慣愤憤愿願戏戲战戰户戶扑撲执執扩擴扫掃扬揚护護报報担擔拟擬拥擁择擇挂掛挤擠挥揮损損换換据據搀攙" +
        "携攜摄攝摆擺敌敵数數斋齋断斷无無旧舊时時旷曠昙曇显顯晋晉晓曉晕暈晖暉暂暫术術机機杀殺权權条條来來杨楊极極构構枣棗枫楓柜櫃" +
        "标標栋棟栏欄树樹样樣桥橋梦夢检檢楼樓欢歡欧歐毕畢毡氈气氣汇匯汉漢汤湯沟溝没沒沣灃沪滬泪淚泻瀉泽澤洁潔浅淺浆漿济濟浏瀏浓濃" +
        "涌湧涛濤涡渦润潤涧澗涨漲渊淵渐漸温溫湾灣湿濕滚滾满滿滨濱滩灘潇瀟潜潛灵靈灿燦炉爐点點炼煉烁爍烂爛烛燭烟煙热熱焕煥爱愛爷爺" +
        "牍牘状狀犹猶独獨狮獅献獻玛瑪玮瑋环環现現玺璽珐琺琐瑣琼瓊电電画畫畅暢疗療疯瘋皑皚盖蓋盘盤睁睜矫矯码碼础礎礼禮祯禎祸禍离離" +
        "积積称稱稳穩穷窮窃竊竞競笔筆筹籌签簽简簡类類粮糧紧緊纠糾红紅约約级級纪紀纬緯纯純纲綱纳納纵縱纷紛纸紙纹紋线線练練组組细細" +
        "织織终終绍紹经經结結绕繞绘繪给給络絡绝絕统統继繼绩績绪緒续續绮綺维維绵綿综綜绿綠缓緩编編缘緣网網罗羅罚罰职職联聯聪聰肃肅" +
        "胆膽胜勝胶膠脑腦脚腳脸臉腾騰舆輿舰艦艳豔艺藝节節芦蘆苍蒼苏蘇茎莖荐薦荣榮药藥莲蓮获獲莺鶯萝蘿营營萧蕭蒋蔣蓝藍虑慮虚虛蚁蟻" +
        "蛮蠻补補衬襯袭襲见見观觀规規视視览覽觉覺誉譽计計订訂认認讨討让讓训訓议議讯訊记記讲講许許论論设設访訪证證评評识識诉訴词詞" +
        "译譯试試诗詩诚誠话話诞誕询詢该該详詳语語说說请請读讀课課谁誰调調谈談谊誼谋謀谢謝谦謙谨謹谭譚谱譜贝貝贞貞负負贡貢财財责責" +
        "贤賢败敗货貨质質贩販贪貪购購贯貫贵貴贸貿费費贺賀贾賈资資赋賦赏賞赐賜赖賴赛賽赞贊赠贈赵趙赶趕趋趨跃躍践踐车車轨軌轩軒转轉" +
        "轮輪软軟轻輕载載较較辉輝输輸辞辭边邊达達迁遷过過运運还還这這进進远遠违違连連迟遲适適选選递遞逻邏遗遺邓鄧邝鄺邮郵邹鄒邻鄰" +
        "郑鄭酱醬释釋钟鍾钢鋼钰鈺钱錢铁鐵铃鈴铜銅铭銘银銀链鏈销銷锁鎖锋鋒锐銳错錯锦錦键鍵镇鎮镜鏡长長门門闪閃闫閆闭閉问問闲閒间間" +
        "闷悶闹鬧闻聞阁閣阅閱阎閻队隊阳陽阴陰阵陣阶階际際陆陸陈陳险險随隨隐隱难難雏雛雾霧霁霽静靜韦韋韩韓韵韻页頁顶頂项項顺順须須" +
        "顽頑顾顧顿頓颂頌预預领領频頻颖穎题題颜顏额額风風飘飄飞飛饭飯饮飲馆館马馬驰馳驱驅验驗骏駿骐騏骥驥鱼魚鲁魯鲍鮑鲜鮮鸟鳥鸡雞" +
        "鸣鳴鸥鷗鸿鴻鹂鸝鹃鵑鹅鵝鹏鵬鹤鶴鹰鷹麦麥黄黃黉黌齐齊龄齡龙龍龚龔龟龜";

    private static readonly Dictionary<char, char> Traditional = Build();

    /// <summary>The name in Traditional characters when it has simplified ones the table knows; null when it has none.</summary>
    public static string? ToTraditional(string name)
    {
        var changed = false;
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (Traditional.TryGetValue(chars[i], out var traditional))
            {
                chars[i] = traditional;
                changed = true;
            }
        }

        return changed ? new string(chars) : null;
    }

    private static Dictionary<char, char> Build()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < Pairs.Length; i += 2)
        {
            map[Pairs[i]] = Pairs[i + 1];
        }

        return map;
    }
}
