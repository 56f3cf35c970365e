using Microsoft.Extensions.Options;

namespace Bot.Host.Line;

/// <summary>
/// Runs the DataAnnotations rules only when LINE is on, so a host without LINE starts without a token,
/// and a host with a secret but no token fails at start naming the missing key.
/// </summary>
public sealed class LineOptionsValidator : IValidateOptions<LineOptions>
{
    private readonly LineOptionsAnnotationsValidator annotations = new();

    public ValidateOptionsResult Validate(string? name, LineOptions options) =>
        options.Enabled ? annotations.Validate(name, options) : ValidateOptionsResult.Skip;
}

/// <summary>Compile-time generated DataAnnotations validation (no reflection).</summary>
[OptionsValidator]
public sealed partial class LineOptionsAnnotationsValidator : IValidateOptions<LineOptions>;
