using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Sessions.Storage.Migrations;

/// <summary>
/// Which process runs an import (machine/pid/start time), so that a row left "running" by a killed process is found
/// and marked failed by the next import. Hand-written and provider-neutral, like the others.
/// </summary>
[DbContext(typeof(SessionsDbContext))]
[Migration("20261203100000_IntegrationOwner")]
public partial class IntegrationOwner : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("Owner", "Integrations", maxLength: 300, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("Owner", "Integrations");
}
