<#
.SYNOPSIS
    Compiles docs/*.md into the module's MAML help (en-US/ZoomHubPS.dll-Help.xml) and about_ topics. Fails, naming
    the cmdlet and what is missing, when an exported cmdlet has no help, no examples or an undocumented parameter,
    or when a doc has no cmdlet.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $DocsPath,
    [Parameter(Mandatory)] [string] $OutputPath
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'HelpMarkdown.psm1') -Force
$module = Import-Module (Join-Path $ModulePath 'ZoomHubPS.psd1') -PassThru -Force
$commands = Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name

$entries = @(); $problems = @()
foreach ($command in $commands) {
    $file = Join-Path $DocsPath "$($command.Name).md"
    if (-not (Test-Path $file)) { $problems += "$($command.Name): docs/$($command.Name).md is missing"; continue }
    $doc = ConvertFrom-HelpMarkdown -Markdown (Get-Content $file -Raw)
    foreach ($p in (Get-HelpProblem -Doc $doc -Command $command)) { $problems += "$($command.Name): $p" }
    $entries += [pscustomobject] @{ Doc = $doc; Command = $command }
}
# Cmdlet docs are named Verb-Noun.md; other docs (api-facts-additions.md, about_*.md) are not cmdlet help.
foreach ($file in Get-ChildItem $DocsPath -Filter '*.md' | Where-Object BaseName -CMatch '^[A-Z][a-z]+-[A-Z][A-Za-z]+$') {
    if ($file.BaseName -notin $commands.Name) { $problems += "docs/$($file.Name) documents no exported cmdlet" }
}
if ($problems) {
    $problems | ForEach-Object { Write-Host "    help: $_" }
    throw "Help is incomplete ($($problems.Count) problem(s))."
}

# Relative links resolve against the project's docs folder: the manifest's ProjectUri, the same base the cmdlets' HelpUri use.
$projectUri = (Import-PowerShellDataFile (Join-Path $ModulePath 'ZoomHubPS.psd1')).PrivateData.PSData.ProjectUri
$xml = ConvertTo-Maml -Entries $entries -DocsBase ($(if ($projectUri) { $projectUri.TrimEnd('/') + '/blob/main/docs/' }))
$target = Join-Path $OutputPath 'ZoomHubPS.dll-Help.xml'
$xml.Save($target)
Write-Host "    $($entries.Count) cmdlet help topics -> $target"

foreach ($about in Get-ChildItem $DocsPath -Filter 'about_*.md') {
    $text = ConvertTo-AboutHelpText -Markdown (Get-Content $about.FullName -Raw)
    Set-Content -Path (Join-Path $OutputPath "$($about.BaseName).help.txt") -Value $text -Encoding utf8
}
