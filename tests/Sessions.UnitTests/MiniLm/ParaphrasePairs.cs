namespace Sessions.UnitTests.MiniLm;

/// <summary>Twelve paraphrase pairs that share few words (the kind the lexical embedder cannot match).</summary>
public static class ParaphrasePairs
{
    public static readonly (string A, string B)[] All =
    [
        ("Where can I download last month's statement?", "I need a copy of my previous bill"),
        ("How do I change my password?", "I want to set a new login secret"),
        ("The package never arrived.", "My delivery did not show up"),
        ("Can I get a refund for this order?", "I would like my money back for what I bought"),
        ("The app crashes when I open it.", "The program quits as soon as it starts"),
        ("What time does the store close?", "Until when are you open today?"),
        ("I forgot my username.", "I cannot remember the name I log in with"),
        ("Please cancel my subscription.", "Stop my monthly plan, I no longer want it"),
        ("The screen is too dark to read.", "The display brightness is very low"),
        ("Is shipping free for big purchases?", "Do large orders cost nothing to deliver?"),
        ("My card was charged twice.", "I see a duplicate payment on my account"),
        ("How long does a battery last?", "What is the typical lifetime of the cell before it needs replacing?"),
    ];
}
