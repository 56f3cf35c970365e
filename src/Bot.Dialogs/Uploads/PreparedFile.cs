namespace Bot.Dialogs.Uploads;

/// <summary>One file ready for the NIA form: "2-passport.jpg", or "4-enrolment-p2.jpg" for page 2.</summary>
public sealed record PreparedFile(string FileName, string ContentType, byte[] Bytes);
