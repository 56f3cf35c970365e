using Bot.Tests.Advisors;
using Bot.Tests.Host;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line;
using Bot.Tests.Telegram;

namespace Bot.Tests.Cluster;

// The test classes that touch Redis the most, run again on a 3-master Redis Cluster (RedisClusterFixture): every test of
// each class, unchanged. Keys of different hash slots live on different nodes there, so a script or multi-key command
// that spans slots fails with CROSSSLOT, and a read of one node sees only its slots.

/// <summary>Turns: the lease, the record and the outbox in one slot per student; the per-student limits in the same script.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class TurnProcessorTestsOnCluster(RedisClusterFixture redis) : TurnProcessorTests(redis);

[Collection(RedisClusterCollection.Name)]
public sealed class StudentLimitsTestsOnCluster(RedisClusterFixture redis) : StudentLimitsTests(redis);

[Collection(RedisClusterCollection.Name)]
public sealed class TurnTimelineListenerTestsOnCluster(RedisClusterFixture redis) : TurnTimelineListenerTests(redis);

/// <summary>Full applications, /delete, restarts and polling (the polling lease) on Telegram.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class TelegramConversationTestsOnCluster(RedisClusterFixture redis) : TelegramConversationTests(redis);

[Collection(RedisClusterCollection.Name)]
public sealed class TelegramDeleteTestsOnCluster(RedisClusterFixture redis) : TelegramDeleteTests(redis);

[Collection(RedisClusterCollection.Name)]
public sealed class TelegramOutboxReplayTestsOnCluster(RedisClusterFixture redis) : TelegramOutboxReplayTests(redis);

[Collection(RedisClusterCollection.Name)]
public sealed class TelegramSendFaultTestsOnCluster(RedisClusterFixture redis) : TelegramSendFaultTests(redis);

[Collection(RedisClusterCollection.Name)]
public sealed class TelegramPollingHandoverTestsOnCluster(RedisClusterFixture redis) : TelegramPollingHandoverTests(redis);

/// <summary>The webhook inbox: shards, dedupe, hosts taking over entries, dead letters; two hosts answering one bot.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class TelegramWebhookTestsOnCluster(RedisClusterFixture redis) : TelegramWebhookTests(redis);

[Collection(RedisClusterCollection.Name)]
public sealed class InboxFaultTestsOnCluster(RedisClusterFixture redis) : InboxFaultTests(redis);

/// <summary>LINE through the inbox: applications, /delete erasing the quoted buttons, reminders pushed, the push queue.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class LineWebhookTestsOnCluster(RedisClusterFixture redis) : LineWebhookTests(redis);

[Collection(RedisClusterCollection.Name)]
public sealed class LinePushBatchingTestsOnCluster(RedisClusterFixture redis) : LinePushBatchingTests(redis);

/// <summary>Reminders planned by turns, claimed and sent once by any host.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class ReminderSchedulerTestsOnCluster(RedisClusterFixture redis) : ReminderSchedulerTests(redis);

[Collection(RedisClusterCollection.Name)]
public sealed class ReminderTimelineTestsOnCluster(RedisClusterFixture redis) : ReminderTimelineTests(redis);

/// <summary>Broadcasts to many students on both channels, the shared rate gate.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class BroadcastTestsOnCluster(RedisClusterFixture redis) : BroadcastTests(redis);

/// <summary>The dashboard's reads across students (every record, timelines, CSV), advisors' threads, index pruning.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class DashboardEndpointTestsOnCluster(RedisClusterFixture redis) : DashboardEndpointTests(redis);

[Collection(RedisClusterCollection.Name)]
public sealed class AdvisorQuestionTestsOnCluster(RedisClusterFixture redis) : AdvisorQuestionTests(redis);

[Collection(RedisClusterCollection.Name)]
public sealed class AdvisorLineReplyTestsOnCluster(RedisClusterFixture redis) : AdvisorLineReplyTests(redis);

[Collection(RedisClusterCollection.Name)]
public sealed class IndexPruningTestsOnCluster(RedisClusterFixture redis) : IndexPruningTests(redis);

/// <summary>The advisors' roster: 16 shards under their own hash tags, each script in one slot, pages merged across nodes.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RosterTestsOnCluster(RedisClusterFixture redis) : Bot.Tests.Roster.RosterTests(redis);
