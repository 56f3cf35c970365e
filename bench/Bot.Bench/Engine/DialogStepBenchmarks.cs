using BenchmarkDotNet.Attributes;
using Bot.Dialogs.Conversation;

namespace Bot.Bench.Engine;

/// <summary>
/// The dialog step alone, as the host runs it: deserialize the record, handle one inbound, serialize — on a conversation
/// from a <see cref="ConversationPool"/> (what the host does) or on a newly configured one (what it did before).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class DialogStepBenchmarks
{
    private byte[] atSurname = [];
    private byte[] atChineseName = [];
    private byte[] atReview = [];
    private ConversationPool pool = new(DialogSettings.Default);

    /// <summary>"pooled": the machine is configured once and reused; "new": configured for every turn.</summary>
    [Params("pooled", "new")]
    public string Machine { get; set; } = "pooled";

    [GlobalSetup]
    public void Setup()
    {
        atChineseName = Student.Run(null, [Step.Say("hello"), Step.Press("lang:en"), Step.Press("v:ext")]).Record;
        atSurname = Student.Run(atChineseName, [Step.Press("nav:skip"), Step.Press("v:two")]).Record;
        atReview = Student.Run(null, Student.FullApplication[..^2]).Record;
        pool = new ConversationPool(DialogSettings.Default);
    }

    [Benchmark]
    public byte[] StartNewStudent() => Turn(null, Inbound.FromText("/start", "en"));

    [Benchmark(Baseline = true)]
    public byte[] ValidTextAnswer() => Turn(atSurname, Inbound.FromText("nguyen", "en"));

    [Benchmark]
    public byte[] InvalidTextAnswer() => Turn(atSurname, Inbound.FromText("n4m3!!", "en"));

    [Benchmark]
    public byte[] ButtonPress() => Turn(atChineseName, Inbound.Button("nav:skip", "en"));

    [Benchmark]
    public byte[] ReviewScreen() => Turn(atReview, Inbound.FromText("/status", "en"));

    private byte[] Turn(byte[]? record, Inbound inbound)
    {
        var state = record is null ? new StudentState() : StudentStateJson.Deserialize(record);
        if (Machine == "new")
        {
            new StudentConversation(state, DialogSettings.Default).Handle(inbound);
            return StudentStateJson.Serialize(state);
        }

        var conversation = pool.Rent(state);
        conversation.Handle(inbound);
        pool.Return(conversation);
        return StudentStateJson.Serialize(state);
    }
}
