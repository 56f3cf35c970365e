namespace Bot.Host.LocalChat;

public static class LocalChatExtensions
{
    /// <summary>With no Telegram token and no LINE secret, the terminal becomes the chat (unless stdin is not a terminal, or LocalChat:Enabled=false).</summary>
    public static WebApplicationBuilder AddLocalChat(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var anyChannel = !string.IsNullOrWhiteSpace(configuration["Telegram:BotToken"]) || !string.IsNullOrWhiteSpace(configuration["Line:ChannelSecret"]);
        var enabled = configuration.GetValue("LocalChat:Enabled", !Console.IsInputRedirected);
        if (!anyChannel && enabled)
        {
            builder.Services.AddHostedService<LocalChatService>();
        }

        return builder;
    }
}
