using BenchmarkDotNet.Attributes;
using Bot.Dialogs.Conversation;

namespace Bot.Bench.Engine;

/// <summary>The dialog step alone, as the host runs it: deserialize the record, handle one inbound, serialize.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class DialogStepBenchmarks
{
    private byte[] atSurname = [];
    private byte[] atChineseName = [];
    private byte[] atReview = [];

    [GlobalSetup]
    public void Setup()
    {
        atChineseName = Student.Run(null, [Step.Say("hello"), Step.Press("lang:en"), Step.Press("v:ext")]).Record;
        atSurname = Student.Run(atChineseName, [Step.Press("nav:skip"), Step.Press("v:two")]).Record;
        atReview = Student.Run(null, Student.FullApplication[..^2]).Record;
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

    private static byte[] Turn(byte[]? record, Inbound inbound)
    {
        var state = record is null ? new StudentState() : StudentStateJson.Deserialize(record);
        new StudentConversation(state, DialogSettings.Default).Handle(inbound);
        return StudentStateJson.Serialize(state);
    }
}
