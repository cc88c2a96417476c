using System.CommandLine;
using Sessions.Text.Names;

namespace Sessions.Admin.Commands;

/// <summary>The <c>--model</c> option of every command, held to the one model-name rule before anything runs.</summary>
public static class ModelOption
{
    public static Option<string> Create(string description) => Validated(
        new Option<string>("--model") { Description = description, DefaultValueFactory = _ => "default" });

    public static Option<string?> CreateOptional(string description) => Validated(new Option<string?>("--model") { Description = description });

    private static Option<T> Validated<T>(Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && ModelNames.Problem(result.Tokens[0].Value) is { } problem)
            {
                result.AddError($"invalid_model_name: {problem}");
            }
        });
        return option;
    }
}
