namespace CoSie.Platform.Web.Features.Courses;

// The module form's buttons. Prompt list edits work without JavaScript: each is a submit that re-renders the form.
public static class ModuleFormCommand
{
    public const string Save = "save";
    public const string Publish = "publish";
    public const string Unpublish = "unpublish";
    public const string Preview = "preview";
    public const string AddPrompt = "add-prompt";

    // Applies a prompt-list command ("remove-2", "up-1", "down-0", "add-prompt"); false when the command saves.
    public static bool TryEditPrompts(string? command, ModuleInput input)
    {
        if (command == AddPrompt)
        {
            input.Prompts.Add(new ModuleInput.PromptInput());
            return true;
        }
        if (command is null || command.LastIndexOf('-') is var dash && dash < 0
            || !int.TryParse(command[(dash + 1)..], out var index) || index < 0 || index >= input.Prompts.Count)
        {
            return command == Preview;
        }
        var prompts = input.Prompts;
        switch (command[..dash])
        {
            case "remove":
                prompts.RemoveAt(index);
                return true;
            case "up" when index > 0:
                (prompts[index - 1], prompts[index]) = (prompts[index], prompts[index - 1]);
                return true;
            case "down" when index < prompts.Count - 1:
                (prompts[index + 1], prompts[index]) = (prompts[index], prompts[index + 1]);
                return true;
            case "up" or "down":
                return true;
            default:
                return false;
        }
    }
}
