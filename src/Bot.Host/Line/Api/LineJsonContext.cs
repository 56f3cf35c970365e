using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Host.Line.Api;

/// <summary>Source-generated metadata: no reflection on the webhook path, and nulls are left out as LINE expects.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(WebhookEventConverter), typeof(MessageContentConverter)])]
[JsonSerializable(typeof(CallbackRequest))]
[JsonSerializable(typeof(MessageEvent))]
[JsonSerializable(typeof(FollowEvent))]
[JsonSerializable(typeof(UnfollowEvent))]
[JsonSerializable(typeof(PostbackEvent))]
[JsonSerializable(typeof(UnknownEvent))]
[JsonSerializable(typeof(TextMessageContent))]
[JsonSerializable(typeof(ImageMessageContent))]
[JsonSerializable(typeof(VideoMessageContent))]
[JsonSerializable(typeof(AudioMessageContent))]
[JsonSerializable(typeof(FileMessageContent))]
[JsonSerializable(typeof(LocationMessageContent))]
[JsonSerializable(typeof(StickerMessageContent))]
[JsonSerializable(typeof(UnknownMessageContent))]
[JsonSerializable(typeof(ReplyMessageRequest))]
[JsonSerializable(typeof(PushMessageRequest))]
[JsonSerializable(typeof(MulticastRequest))]
[JsonSerializable(typeof(BroadcastRequest))]
[JsonSerializable(typeof(ShowLoadingAnimationRequest))]
[JsonSerializable(typeof(SetWebhookEndpointRequest))]
[JsonSerializable(typeof(WebhookEndpointInfo))]
[JsonSerializable(typeof(SentMessagesResponse))]
[JsonSerializable(typeof(UserProfile))]
[JsonSerializable(typeof(MessageQuota))]
[JsonSerializable(typeof(QuotaConsumption))]
[JsonSerializable(typeof(LineErrorResponse))]
[JsonSerializable(typeof(LinePushItem))]
[JsonSerializable(typeof(LinePushPlan))]
[JsonSerializable(typeof(FlexContainer))]
[JsonSerializable(typeof(RichMenuRequest))]
[JsonSerializable(typeof(RichMenuIdResponse))]
[JsonSerializable(typeof(RichMenuListResponse))]
public sealed partial class LineJsonContext : JsonSerializerContext;
