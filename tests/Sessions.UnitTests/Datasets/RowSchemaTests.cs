using System.Text.Json;
using Sessions.Datasets;
using Sessions.Datasets.Schemas;

namespace Sessions.UnitTests.Datasets;

public class RowSchemaTests
{
    private static readonly RowSchema Schema = RowSchema.Parse("""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "test",
          "type": "object",
          "required": ["name", "tags"],
          "additionalProperties": false,
          "properties": {
            "name": { "type": "string", "minLength": 2, "maxLength": 5 },
            "kind": { "enum": ["a", "b", 3] },
            "score": { "type": ["number", "null"], "minimum": 0, "maximum": 1 },
            "count": { "type": "integer" },
            "tags": { "type": "array", "minItems": 1, "maxItems": 2, "items": { "type": "string" } },
            "any": true
          }
        }
        """);

    private static IReadOnlyList<string> Check(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Validate(document.RootElement);
    }

    [Theory]
    [InlineData("""{"name":"ab","tags":["x"]}""")]
    [InlineData("""{"name":"héllo","tags":["x","y"],"kind":3,"score":null,"count":4.0,"any":[{}]}""")]
    [InlineData("""{"name":"ab","tags":["x"],"score":1}""")]
    [InlineData("""{"name":"\u00e9\ud83d\ude00","tags":["x"]}""")]
    public void A_valid_document_has_no_violations(string json) => Assert.Empty(Check(json));

    [Theory]
    [InlineData("""[]""", "$: expected object, found array")]
    [InlineData("""{"tags":["x"]}""", "$: required property 'name' is missing")]
    [InlineData("""{"name":"a","tags":["x"]}""", "$.name: length 1 is below minLength 2")]
    [InlineData("""{"name":"abcdef","tags":["x"]}""", "$.name: length 6 is above maxLength 5")]
    [InlineData("""{"name":"ab\u0063d\u00e9f","tags":["x"]}""", "$.name: length 6 is above maxLength 5")]
    [InlineData("""{"name":"ab","tags":["x"],"kind":"c"}""", "$.kind: \"c\" is not one of [\"a\", \"b\", 3]")]
    [InlineData("""{"name":"ab","tags":["x"],"score":1.5}""", "$.score: 1.5 is above maximum 1")]
    [InlineData("""{"name":"ab","tags":["x"],"score":-1}""", "$.score: -1 is below minimum 0")]
    [InlineData("""{"name":"ab","tags":["x"],"count":1.5}""", "$.count: expected integer, found number")]
    [InlineData("""{"name":"ab","tags":[]}""", "$.tags: 0 items, fewer than minItems 1")]
    [InlineData("""{"name":"ab","tags":["x","y","z"]}""", "$.tags: 3 items, more than maxItems 2")]
    [InlineData("""{"name":"ab","tags":["x",5]}""", "$.tags[1]: expected string, found number")]
    [InlineData("""{"name":"ab","tags":["x"],"extra":1}""", "$: property 'extra' is not allowed")]
    public void An_invalid_document_names_the_path_and_the_rule(string json, string violation) =>
        Assert.Equal(violation, Assert.Single(Check(json)));

    [Theory]
    [InlineData("""{"type":"object","patternProperties":{}}""", "keyword patternProperties")]
    [InlineData("""{"properties":{"a":{"oneOf":[]}}}""", "keyword oneOf")]
    [InlineData("""{"additionalProperties":{"type":"string"}}""", "only a boolean")]
    [InlineData("""{"type":"text"}""", "'text' is not a JSON Schema type")]
    [InlineData("""{"type":""", "not valid JSON")]
    public void An_unsupported_or_broken_schema_fails_at_load_time(string schema, string message)
    {
        var error = Assert.Throws<DatasetImportException>(() => RowSchema.Parse(schema));

        Assert.Equal(ImportErrorCodes.SchemaInvalid, error.Code);
        Assert.Contains(message, error.Message);
        if (message.StartsWith("keyword", StringComparison.Ordinal)) Assert.Contains("is not supported by the built-in validator", error.Message);
    }

    [Fact]
    public void The_shipped_schemas_load_and_accept_their_own_shapes()
    {
        using var chat = JsonDocument.Parse(DatasetFiles.ChatLine("a", "b", ""","embedding":[0.1,null,"NaN"]"""));
        using var prompt = JsonDocument.Parse("""{"prompt":"a","completion":"b","system":null}""");

        Assert.Empty(RowSchema.ChatRows.Validate(chat.RootElement));
        Assert.Empty(RowSchema.PromptCompletionRows.Validate(prompt.RootElement));
        Assert.NotEmpty(RowSchema.PromptCompletionRows.Validate(chat.RootElement));
    }
}
