BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../tools/help/HelpMarkdown.psm1') -Force
    $markdown = @'
# Get-Thing

## SYNOPSIS
Gets a thing.

## DESCRIPTION
First paragraph
continues here.

Second paragraph.

## EXAMPLES

### Example 1: One
```powershell
Get-Thing -Name a
```

Remark one.

### Example 2: Two
```powershell
Get-Thing |
  Select-Object Name
```

## PARAMETERS

### -Name
The name.

### -Count
How many.

## INPUTS

### System.String
Names.

## OUTPUTS

### Thing
A thing.

## NOTES
A note.

## RELATED LINKS
- [Other](https://example.org/other)
'@
}

Describe 'ConvertFrom-HelpMarkdown' {
    BeforeAll { $doc = ConvertFrom-HelpMarkdown -Markdown $markdown }

    It 'reads the name, synopsis and description paragraphs' {
        $doc.Name | Should -Be 'Get-Thing'
        $doc.Synopsis | Should -Be 'Gets a thing.'
        $doc.Description | Should -Be @('First paragraph continues here.', 'Second paragraph.')
    }

    It 'reads examples with multi-line code and remarks' {
        $doc.Examples.Count | Should -Be 2
        $doc.Examples[0].Title | Should -Be 'Example 1: One'
        $doc.Examples[0].Code | Should -Be 'Get-Thing -Name a'
        $doc.Examples[0].Remarks | Should -Be @('Remark one.')
        $doc.Examples[1].Code | Should -Be "Get-Thing |`n  Select-Object Name"
    }

    It 'reads parameters, inputs, outputs, notes and links' {
        $doc.Parameters['Name'] | Should -Be 'The name.'
        $doc.Parameters['Count'] | Should -Be 'How many.'
        $doc.Inputs[0].Type | Should -Be 'System.String'
        $doc.Outputs[0].Description | Should -Be @('A thing.')
        $doc.Notes | Should -Be @('A note.')
        $doc.Links[0].Uri | Should -Be 'https://example.org/other'
    }
}

Describe 'Get-HelpProblem and ConvertTo-Maml' {
    BeforeAll {
        function Get-Thing { [CmdletBinding()] param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] [string] $Name, [int] $Count, [switch] $Force) }
        $doc = ConvertFrom-HelpMarkdown -Markdown $markdown
        $command = Get-Command Get-Thing
    }

    It 'names each undocumented parameter' {
        $problems = Get-HelpProblem -Doc $doc -Command $command
        @($problems) | Should -Be @('parameter -Force is not documented')
    }

    It 'flags too few examples' {
        $doc2 = ConvertFrom-HelpMarkdown -Markdown ($markdown -replace '(?s)### Example 2.*?(?=## PARAMETERS)', '')
        $problems = Get-HelpProblem -Doc $doc2 -Command $command
        $problems -contains 'has 1 example(s); at least 2 are required' | Should -BeTrue
    }

    It 'writes MAML with syntax from the command and text from the markdown' {
        $xml = ConvertTo-Maml -Entries @([pscustomobject] @{ Doc = $doc; Command = $command })
        $ns = [System.Xml.XmlNamespaceManager]::new($xml.NameTable)
        $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
        $xml.SelectSingleNode('//command:details/command:name', $ns).InnerText | Should -Be 'Get-Thing'
        $name = $xml.SelectSingleNode("//command:parameters/command:parameter[maml:name='Name']", $ns)
        $name.required | Should -Be 'true'
        $name.position | Should -Be '0'
        $name.pipelineInput | Should -Be 'True (ByValue)'
        $xml.SelectNodes('//command:examples/command:example', $ns).Count | Should -Be 2
        $xml.SelectSingleNode('//command:examples/command:example/dev:code', $ns).InnerText | Should -Be 'Get-Thing -Name a'
    }
}

Describe 'ConvertTo-AboutHelpText' {
    It 'upper-cases top headings and indents code' {
        $text = ConvertTo-AboutHelpText -Markdown "# about_Thing`n`n## Short description`nText.`n``````powershell`nGet-Thing`n```````n"
        $text | Should -Match "TOPIC\s+about_Thing"
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match '    Get-Thing'
    }
}

Describe 'Help details Get-Help shows' {
    It 'puts the whole short description on line 5, where PowerShell reads an about topic''s synopsis' {
        $text = ConvertTo-AboutHelpText -Markdown "# about_Thing`n`n## Short description`nThings are described`nover two lines.`n`n## Long description`nMore."
        ($text -split "`r?`n")[4].Trim() | Should -Be 'Things are described over two lines.'
        $text | Should -Match 'LONG DESCRIPTION'
    }

    It 'shows default values from the command, None where there is none' {
        function Get-Defaulted { [CmdletBinding()] param([string] $Mode = 'fast', [int] $Count, [switch] $Force) }
        $command = Get-Command Get-Defaulted
        Get-ParameterDefault -Command $command -Meta $command.Parameters['Mode'] | Should -Be "'fast'"
        Get-ParameterDefault -Command $command -Meta $command.Parameters['Count'] | Should -Be 'None'
        Get-ParameterDefault -Command $command -Meta $command.Parameters['Force'] | Should -Be 'False'
    }

    It 'makes related links absolute and puts the command''s own page first' {
        Resolve-HelpLink -Uri 'Other-Thing.md' -DocsBase 'https://example.org/docs/' | Should -Be 'https://example.org/docs/Other-Thing.md'
        Resolve-HelpLink -Uri 'https://example.org/x' -DocsBase 'https://example.org/docs/' | Should -Be 'https://example.org/x'
        function Get-Linked { [CmdletBinding(HelpUri = 'https://example.org/docs/Get-Linked.md')] param() }
        $doc = ConvertFrom-HelpMarkdown -Markdown "# Get-Linked`n## SYNOPSIS`nX.`n## RELATED LINKS`n- [Other](Other-Thing.md)"
        $xml = ConvertTo-Maml -Entries @([pscustomobject] @{ Doc = $doc; Command = (Get-Command Get-Linked) }) -DocsBase 'https://example.org/docs/'
        $uris = @($xml.GetElementsByTagName('maml:uri') | ForEach-Object InnerText)
        $uris | Should -Be @('https://example.org/docs/Get-Linked.md', 'https://example.org/docs/Other-Thing.md')
    }
}
