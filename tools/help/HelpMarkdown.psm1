# Converts cmdlet help written in markdown (docs/<Cmdlet>.md, platyPS-like layout) into MAML, and about_ topics
# (docs/about_*.md) into about_*.help.txt. platyPS is not served by our registry; this covers what we use.
#
# Markdown layout of a cmdlet file:
#   # Verb-Noun
#   ## SYNOPSIS        one paragraph
#   ## DESCRIPTION     paragraphs
#   ## EXAMPLES        ### Example N: title, a ```powershell fence, then remark paragraphs
#   ## PARAMETERS      ### -Name, then paragraphs
#   ## INPUTS / ## OUTPUTS   ### TypeName, then paragraphs
#   ## NOTES           paragraphs
#   ## RELATED LINKS   - [text](uri) bullets
# Syntax, types, positions and pipeline input come from the compiled cmdlet itself, never from the markdown.

Set-StrictMode -Version 3.0

function ConvertFrom-HelpMarkdown {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Markdown)

    $doc = [ordered] @{
        Name = $null; Synopsis = ''; Description = @(); Examples = @(); Parameters = [ordered] @{}
        Inputs = @(); Outputs = @(); Notes = @(); Links = @()
    }
    $section = $null; $sub = $null; $buffer = [System.Collections.Generic.List[string]]::new()
    $inFence = $false; $fence = $null; $current = $null

    $flush = {
        $paras = ConvertTo-Paragraphs $buffer
        $buffer.Clear()
        switch ($section) {
            'SYNOPSIS' { if ($paras) { $doc.Synopsis = ($paras -join ' ') } }
            'DESCRIPTION' { $doc.Description += $paras }
            'NOTES' { $doc.Notes += $paras }
            'EXAMPLES' { if ($current) { $current.Remarks += $paras } }
            'PARAMETERS' { if ($sub) { $doc.Parameters[$sub] = @($doc.Parameters[$sub]) + $paras | Where-Object { $_ } } }
            'INPUTS' { if ($current) { $current.Description += $paras } }
            'OUTPUTS' { if ($current) { $current.Description += $paras } }
        }
    }

    foreach ($line in ($Markdown -split "`r?`n")) {
        if ($inFence) {
            if ($line -match '^```\s*$') {
                $inFence = $false
                if ($section -eq 'EXAMPLES' -and $current) { $current.Code = ($fence -join "`n") }
                $fence = $null
            }
            else { $fence.Add($line) }
            continue
        }
        if ($line -match '^```') {
            & $flush
            $inFence = $true; $fence = [System.Collections.Generic.List[string]]::new()
            continue
        }
        if ($line -match '^---\s*$' -and -not $doc.Name) { continue }
        if ($line -match '^# (?<name>\S+)\s*$') { $doc.Name = $Matches.name; continue }
        if ($line -match '^## (?<h>.+?)\s*$') {
            & $flush
            $section = $Matches.h.Trim().ToUpperInvariant(); $sub = $null; $current = $null
            continue
        }
        if ($line -match '^### (?<h>.+?)\s*$') {
            & $flush
            $h = $Matches.h.Trim()
            switch ($section) {
                'EXAMPLES' { $current = [ordered] @{ Title = $h; Code = ''; Remarks = @() }; $doc.Examples += $current }
                'PARAMETERS' { $sub = $h.TrimStart('-'); $doc.Parameters[$sub] = @() }
                'INPUTS' { $current = [ordered] @{ Type = $h; Description = @() }; $doc.Inputs += $current }
                'OUTPUTS' { $current = [ordered] @{ Type = $h; Description = @() }; $doc.Outputs += $current }
            }
            continue
        }
        if ($section -eq 'RELATED LINKS' -and $line -match '^\s*[-*]\s*\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)') {
            $doc.Links += [ordered] @{ Text = $Matches.text; Uri = $Matches.uri }
            continue
        }
        $buffer.Add($line)
    }
    & $flush
    [pscustomobject] $doc
}

function ConvertTo-Paragraphs([System.Collections.Generic.List[string]] $Lines) {
    $paras = @(); $cur = @()
    foreach ($l in $Lines) {
        if ($l.Trim() -eq '') { if ($cur) { $paras += ($cur -join ' ').Trim(); $cur = @() } }
        else { $cur += $l.Trim() }
    }
    if ($cur) { $paras += ($cur -join ' ').Trim() }
    return , @($paras | Where-Object { $_ })
}

$CommonParameters = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

function Get-HelpProblem {
    <# Lists what is missing from one cmdlet's markdown compared with the compiled cmdlet. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Doc, [Parameter(Mandatory)] [System.Management.Automation.CommandInfo] $Command)
    $problems = @()
    if ($Doc.Name -ne $Command.Name) { $problems += "title '# $($Command.Name)' is missing or different ('$($Doc.Name)')" }
    if (-not $Doc.Synopsis) { $problems += 'SYNOPSIS is empty' }
    if (-not $Doc.Description) { $problems += 'DESCRIPTION is empty' }
    if (@($Doc.Examples).Count -lt 2) { $problems += "has $(@($Doc.Examples).Count) example(s); at least 2 are required" }
    foreach ($e in $Doc.Examples) { if (-not $e.Code) { $problems += "example '$($e.Title)' has no code" } }
    foreach ($p in $Command.Parameters.Keys) {
        if ($p -in $CommonParameters) { continue }
        if (-not $Doc.Parameters.Contains($p) -or -not @($Doc.Parameters[$p])) { $problems += "parameter -$p is not documented" }
    }
    foreach ($p in $Doc.Parameters.Keys) {
        if (-not $Command.Parameters.ContainsKey($p)) { $problems += "documents -$p, which the cmdlet does not have" }
    }
    return , $problems
}

function Get-ParameterDefault {
    <#
    The default value Get-Help shows for a parameter: a compiled cmdlet's property value on a fresh instance (what the
    class initialises it to), a function's default expression; 'None' when there is none (null, empty, or a value type
    left at its zero value), 'False' for a switch.
    #>
    param([System.Management.Automation.CommandInfo] $Command, [System.Management.Automation.ParameterMetadata] $Meta)
    if ($Meta.ParameterType -eq [System.Management.Automation.SwitchParameter]) { return 'False' }
    $value = $null
    if ($Command -is [System.Management.Automation.CmdletInfo]) {
        if (-not $script:CmdletInstances.ContainsKey($Command.Name)) {
            $script:CmdletInstances[$Command.Name] = try { [Activator]::CreateInstance($Command.ImplementingType) } catch { $null }
        }
        $instance = $script:CmdletInstances[$Command.Name]
        # Parameters PowerShell adds (-First, -Skip of SupportsPaging) are no property of the class.
        $property = $Command.ImplementingType.GetProperty($Meta.Name)
        if ($instance -and $property) { $value = $property.GetValue($instance) }
        if ($null -ne $value -and $value.GetType().IsValueType -and $value -eq [Activator]::CreateInstance($value.GetType())) { $value = $null }
    }
    elseif ($Command.ScriptBlock.Ast.Body.ParamBlock) {
        $p = $Command.ScriptBlock.Ast.Body.ParamBlock.Parameters | Where-Object { $_.Name.VariablePath.UserPath -eq $Meta.Name }
        if ($p -and $p.DefaultValue) { return $p.DefaultValue.Extent.Text }
    }
    if ($null -eq $value -or "$value" -eq '') { return 'None' }
    if ($value -is [System.Collections.IEnumerable] -and $value -isnot [string]) { return (@($value) -join ', ') }
    return [string] $value
}
$script:CmdletInstances = @{}

function Resolve-HelpLink {
    <# Related links must be absolute for Get-Help -Online: a relative "Other-Cmdlet.md" becomes <docs base>Other-Cmdlet.md. #>
    param([string] $Uri, [string] $DocsBase)
    if (-not $Uri) { return '' }
    if ([uri]::IsWellFormedUriString($Uri, [System.UriKind]::Absolute)) { return $Uri }
    if (-not $DocsBase) { return '' }
    return $DocsBase + $Uri.TrimStart('./')
}

function New-XmlText([System.Xml.XmlDocument] $Xml, [string] $Name, [string] $Ns, [string] $Text) {
    $el = $Xml.CreateElement($Name, $Ns); $el.InnerText = $Text; return $el
}

function ConvertTo-Maml {
    <# Builds the MAML help file for a set of (doc, command) pairs. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [object[]] $Entries,
        # Where the markdown sources are online (ends with '/'): relative related links resolve against it.
        [string] $DocsBase
    )
    $maml = 'http://schemas.microsoft.com/maml/2004/10'
    $cmd = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    $dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
    $xml = [System.Xml.XmlDocument]::new()
    $xml.AppendChild($xml.CreateXmlDeclaration('1.0', 'utf-8', $null)) | Out-Null
    $root = $xml.CreateElement('helpItems', 'http://msh'); $root.SetAttribute('schema', 'maml')
    $xml.AppendChild($root) | Out-Null

    $paras = {
        param($parent, [string[]] $texts)
        $d = $xml.CreateElement('maml:description', $maml)
        foreach ($t in @($texts | Where-Object { $_ })) { $d.AppendChild((New-XmlText $xml 'maml:para' $maml $t)) | Out-Null }
        $parent.AppendChild($d) | Out-Null
    }

    foreach ($entry in $Entries) {
        $doc = $entry.Doc; $command = $entry.Command
        $c = $xml.CreateElement('command:command', $cmd)
        $c.SetAttribute('xmlns:maml', $maml); $c.SetAttribute('xmlns:dev', $dev)
        $details = $xml.CreateElement('command:details', $cmd)
        $details.AppendChild((New-XmlText $xml 'command:name' $cmd $command.Name)) | Out-Null
        $details.AppendChild((New-XmlText $xml 'command:verb' $cmd $command.Verb)) | Out-Null
        $details.AppendChild((New-XmlText $xml 'command:noun' $cmd $command.Noun)) | Out-Null
        & $paras $details @($doc.Synopsis)
        $c.AppendChild($details) | Out-Null
        & $paras $c $doc.Description

        $newParam = {
            param([System.Management.Automation.ParameterMetadata] $meta, $setData)
            $p = $xml.CreateElement('command:parameter', $cmd)
            $p.SetAttribute('required', $(if ($setData -and $setData.IsMandatory) { 'true' } else { 'false' }))
            $p.SetAttribute('variableLength', 'true')
            $p.SetAttribute('globbing', 'false')
            $pipe = @()
            if ($setData -and $setData.ValueFromPipeline) { $pipe += 'ByValue' }
            if ($setData -and $setData.ValueFromPipelineByPropertyName) { $pipe += 'ByPropertyName' }
            $p.SetAttribute('pipelineInput', $(if ($pipe) { "True ($($pipe -join ', '))" } else { 'False' }))
            $p.SetAttribute('position', $(if ($setData -and $setData.Position -ge 0) { [string] $setData.Position } else { 'named' }))
            $p.SetAttribute('aliases', $(if ($meta.Aliases.Count) { $meta.Aliases -join ', ' } else { 'none' }))
            $p.AppendChild((New-XmlText $xml 'maml:name' $maml $meta.Name)) | Out-Null
            & $paras $p @($doc.Parameters[$meta.Name])
            $typeName = $meta.ParameterType.Name
            if ($meta.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
                $v = New-XmlText $xml 'command:parameterValue' $cmd $typeName
                $v.SetAttribute('required', 'true'); $v.SetAttribute('variableLength', 'false')
                $p.AppendChild($v) | Out-Null
            }
            $t = $xml.CreateElement('dev:type', $dev)
            $t.AppendChild((New-XmlText $xml 'maml:name' $maml $meta.ParameterType.FullName)) | Out-Null
            $p.AppendChild($t) | Out-Null
            $p.AppendChild((New-XmlText $xml 'dev:defaultValue' $dev (Get-ParameterDefault -Command $command -Meta $meta))) | Out-Null
            return $p
        }

        $syntax = $xml.CreateElement('command:syntax', $cmd)
        foreach ($set in $command.ParameterSets) {
            $item = $xml.CreateElement('command:syntaxItem', $cmd)
            $item.AppendChild((New-XmlText $xml 'maml:name' $maml $command.Name)) | Out-Null
            foreach ($sp in $set.Parameters) {
                if ($sp.Name -in $CommonParameters) { continue }
                $meta = $command.Parameters[$sp.Name]
                $item.AppendChild((& $newParam $meta $sp)) | Out-Null
            }
            $syntax.AppendChild($item) | Out-Null
        }
        $c.AppendChild($syntax) | Out-Null

        $params = $xml.CreateElement('command:parameters', $cmd)
        foreach ($name in $command.Parameters.Keys) {
            if ($name -in $CommonParameters) { continue }
            $meta = $command.Parameters[$name]
            $first = $meta.ParameterSets.Values | Select-Object -First 1
            $params.AppendChild((& $newParam $meta $first)) | Out-Null
        }
        $c.AppendChild($params) | Out-Null

        foreach ($kind in @(@{ Outer = 'command:inputTypes'; Inner = 'command:inputType'; Items = $doc.Inputs },
                            @{ Outer = 'command:returnValues'; Inner = 'command:returnValue'; Items = $doc.Outputs })) {
            $outer = $xml.CreateElement($kind.Outer, $cmd)
            foreach ($i in $kind.Items) {
                $inner = $xml.CreateElement($kind.Inner, $cmd)
                $t = $xml.CreateElement('dev:type', $dev)
                $t.AppendChild((New-XmlText $xml 'maml:name' $maml $i.Type)) | Out-Null
                $inner.AppendChild($t) | Out-Null
                & $paras $inner $i.Description
                $outer.AppendChild($inner) | Out-Null
            }
            $c.AppendChild($outer) | Out-Null
        }

        if ($doc.Notes) {
            $alertSet = $xml.CreateElement('maml:alertSet', $maml)
            $alert = $xml.CreateElement('maml:alert', $maml)
            foreach ($n in $doc.Notes) { $alert.AppendChild((New-XmlText $xml 'maml:para' $maml $n)) | Out-Null }
            $alertSet.AppendChild($alert) | Out-Null
            $c.AppendChild($alertSet) | Out-Null
        }

        $examples = $xml.CreateElement('command:examples', $cmd)
        foreach ($e in $doc.Examples) {
            $ex = $xml.CreateElement('command:example', $cmd)
            $ex.AppendChild((New-XmlText $xml 'maml:title' $maml "-------------------------- $($e.Title) --------------------------")) | Out-Null
            $ex.AppendChild((New-XmlText $xml 'dev:code' $dev $e.Code)) | Out-Null
            $remarks = $xml.CreateElement('dev:remarks', $dev)
            foreach ($r in $e.Remarks) { $remarks.AppendChild((New-XmlText $xml 'maml:para' $maml $r)) | Out-Null }
            $ex.AppendChild($remarks) | Out-Null
            $examples.AppendChild($ex) | Out-Null
        }
        $c.AppendChild($examples) | Out-Null

        $links = $xml.CreateElement('command:relatedLinks', $cmd)
        # Get-Help -Online opens the first link's URI: the cmdlet's own page (its HelpUri), as platyPS writes it.
        $online = @()
        if ($command.HelpUri) { $online = @([ordered] @{ Text = 'Online Version:'; Uri = $command.HelpUri }) }
        foreach ($l in @($online) + @($doc.Links | ForEach-Object { [ordered] @{ Text = $_.Text; Uri = (Resolve-HelpLink -Uri $_.Uri -DocsBase $DocsBase) } })) {
            $nav = $xml.CreateElement('maml:navigationLink', $maml)
            $nav.AppendChild((New-XmlText $xml 'maml:linkText' $maml $l.Text)) | Out-Null
            $nav.AppendChild((New-XmlText $xml 'maml:uri' $maml $l.Uri)) | Out-Null
            $links.AppendChild($nav) | Out-Null
        }
        $c.AppendChild($links) | Out-Null
        $root.AppendChild($c) | Out-Null
    }
    return $xml
}

function ConvertTo-AboutHelpText {
    <#
    about_ topics: markdown to the plain-text layout Get-Help expects. PowerShell takes an about topic's synopsis from
    line 5 of the file, so the layout is fixed: TOPIC, the name, a blank line, SHORT DESCRIPTION, then the whole short
    description joined onto one line; after that headings upper-cased, text and fences indented.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Markdown)
    $lines = $Markdown -split "`r?`n"
    $name = ($lines | Where-Object { $_ -match '^# (\S+)' } | Select-Object -First 1) -replace '^# ', ''
    $short = [System.Collections.Generic.List[string]]::new(); $rest = 0; $inShort = $false
    for ($i = 0; $i -lt $lines.Count; $i++) {
        if ($lines[$i] -match '^## Short description\s*$') { $inShort = $true; continue }
        if ($inShort -and $lines[$i] -match '^#') { $rest = $i; break }
        if ($inShort -and $lines[$i].Trim()) { $short.Add($lines[$i].Trim()) }
    }
    $out = [System.Text.StringBuilder]::new()
    [void] $out.AppendLine('TOPIC').AppendLine('    ' + $name).AppendLine('').AppendLine('SHORT DESCRIPTION').AppendLine('    ' + ($short -join ' ')).AppendLine('')
    $inFence = $false
    foreach ($line in ($lines | Select-Object -Skip $rest)) {
        if ($line -match '^```') { $inFence = -not $inFence; continue }
        if ($inFence) { [void] $out.AppendLine('    ' + $line); continue }
        if ($line -match '^#{1,2} (?<h>.+)$') { [void] $out.AppendLine($Matches.h.ToUpperInvariant()); continue }
        if ($line -match '^#{3,} (?<h>.+)$') { [void] $out.AppendLine('  ' + $Matches.h); continue }
        [void] $out.AppendLine($(if ($line) { '    ' + $line } else { '' }))
    }
    return $out.ToString()
}

Export-ModuleMember -Function ConvertFrom-HelpMarkdown, Get-HelpProblem, ConvertTo-Maml, ConvertTo-AboutHelpText, Get-ParameterDefault, Resolve-HelpLink
