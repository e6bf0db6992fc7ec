/** Site-wide constants. */
export const SITE_TITLE = '学习型组织建设汇编知识库';
export const SITE_TITLE_SHORT = '汇编';
export const SITE_DESCRIPTION = '学习型组织建设自评报告与经验材料汇编：按类别、主题、单位、汇编和年份浏览，全文检索。';
export const LANG = 'zh-CN';
