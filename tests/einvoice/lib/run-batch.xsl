<?xml version="1.0" encoding="UTF-8"?>
<!--
  run-batch.xsl - runs lib/run-schematrons.xsl (unchanged) on several invoices in ONE JVM, so the schematrons
  are compiled once (fn:transform caches compiled stylesheets) instead of once per file.
  For each invoice it prints a line "FILE <TAB> uri", then exactly what run-schematrons.xsl prints for it
  (its findings, then "END <TAB> n").
  Parameters: srcs (space-separated absolute URIs), sets and warn-only (passed on as they are).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" exclude-result-prefixes="#all">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="srcs" as="xs:string" required="yes"/>
  <xsl:param name="sets" as="xs:string" required="yes"/>
  <xsl:param name="warn-only" as="xs:string" select="''"/>
  <xsl:param name="driver" as="xs:string" required="yes"/>
  <xsl:template name="xsl:initial-template">
    <xsl:for-each select="tokenize($srcs)">
      <xsl:value-of select="'FILE', ." separator="&#9;"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:value-of select="transform(map{
          'stylesheet-location': $driver,
          'initial-template': QName('http://www.w3.org/1999/XSL/Transform', 'initial-template'),
          'stylesheet-params': map{ QName('', 'src'): string(.), QName('', 'sets'): $sets, QName('', 'warn-only'): $warn-only },
          'delivery-format': 'serialized'})?output"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
