// Strings of the reader's own entries: the entry editor, the options page's "Your entries" and
// "Packs", and the entries and notes the side panel shows.
export const entriesStrings = {
  // The editor.
  entryNew: { en: 'New entry', zh: '新建条目' },
  entryEditTitle: { en: 'Edit “$1”', zh: '编辑“$1”' },
  entryNameEn: { en: 'English name', zh: '英文名称' },
  entryNameZh: { en: 'Chinese name', zh: '中文名称' },
  entryNamesHint: {
    en: 'Give at least one name. Both names are aliases automatically: Factlens finds them on pages too.',
    zh: '至少填写一个名称。两个名称都会自动成为别名,Factlens 也会在网页上找到它们。',
  },
  entryErrorNoName: { en: 'Give an English or a Chinese name.', zh: '请填写英文名称或中文名称。' },
  entryAliases: { en: 'Other names and spellings (aliases)', zh: '其他名称与写法(别名)' },
  entryAliasesHint: {
    en: 'The names above are aliases already. Tick “Exact case” for an acronym such as MoE, so that only that capitalisation is marked.',
    zh: '上面的名称已经是别名。对 MoE 这样的缩写,请勾选“区分大小写”,只标记大小写完全相同的写法。',
  },
  entryAlias: { en: 'Alias $1', zh: '别名 $1' },
  entryAliasPlaceholder: { en: 'Another name or spelling', zh: '其他名称或写法' },
  entryAliasExact: { en: 'Exact case', zh: '区分大小写' },
  entryAliasRemove: { en: 'Remove alias $1', zh: '删除别名 $1' },
  entryAliasRemoveShort: { en: 'Remove', zh: '删除' },
  entryAliasAdd: { en: 'Add an alias', zh: '添加别名' },
  entryType: { en: 'Type', zh: '类型' },
  entrySummaryEn: { en: 'Description (English)', zh: '描述(英文)' },
  entrySummaryZh: { en: 'Description (Chinese)', zh: '描述(中文)' },
  entrySummaryHint: {
    en: 'Private: shown only in your own cards and in Factlens, never readable by the page.',
    zh: '私密:只显示在你自己的卡片和 Factlens 中,网页永远无法读取。',
  },
  entryRelated: { en: 'Related entries', zh: '相关条目' },
  entryRelatedSearch: { en: 'Add a related entry', zh: '添加相关条目' },
  entryRelatedPlaceholder: { en: 'Type a name to add a related entry…', zh: '输入名称以添加相关条目…' },
  entryRelatedRemove: { en: 'Remove related entry $1', zh: '移除相关条目 $1' },
  entryRelatedNone: { en: 'No entry matches “$1”.', zh: '没有与“$1”匹配的条目。' },
  entryRelatedFull: { en: 'At most $1 related entries.', zh: '最多 $1 个相关条目。' },
  entryOwnLabel: { en: 'Your entry', zh: '你的条目' },
  entryBuiltInLabel: { en: 'Built in', zh: '内置' },
  entryFromPack: { en: 'From pack “$1”', zh: '来自资料包“$1”' },
  entryFromPackOff: { en: 'From pack “$1” (turned off)', zh: '来自资料包“$1”(已关闭)' },
  entryLookupOnly: {
    en: 'Look up on hover or tap only — no mark on the page',
    zh: '仅在悬停或轻触时查找——不在页面上标记',
  },
  entryLookupOnlyHint: {
    en: 'The page’s scripts can see which words are marked. For a private entry, choose this: the word is looked up only when you point at it or tap it.',
    zh: '网页的脚本能看到哪些词被标记。涉及隐私的条目请选择此项:只有在你指向或轻触该词时才会查找。',
  },
  entryLookupOnlyShort: { en: 'Look-up only', zh: '仅查找' },
  entryBlocked_one: {
    en: '$1 alias would mark ordinary words: change or remove it to save.',
    zh: '$1 个别名会标记普通词语:请修改或删除后再保存。',
  },
  entryBlocked_other: {
    en: '$1 aliases would mark ordinary words: change or remove them to save.',
    zh: '$1 个别名会标记普通词语:请修改或删除后再保存。',
  },
  entrySave: { en: 'Save', zh: '保存' },
  entrySaving: { en: 'Saving…', zh: '正在保存…' },
  entryCancel: { en: 'Cancel', zh: '取消' },
  entryConflictChoice: { en: 'Which entry is marked for “$1”?', zh: '“$1”标记为哪个条目?' },
  entryBuiltInWins: { en: 'Built-in entry wins', zh: '内置条目优先' },
  entryMineWins: { en: 'My entry wins', zh: '我的条目优先' },
  'entryVerdict_too-short': {
    en: '“$1” can’t be used: one or two letters would mark ordinary words.',
    zh: '“$1”不能使用:一两个字母会标记普通词语。',
  },
  'entryVerdict_too-short_warn': {
    en: '“$1” is two letters: every use of that acronym will be marked.',
    zh: '“$1”只有两个字母:这个缩写的每次出现都会被标记。',
  },
  entryVerdict_stopword: {
    en: '“$1” can’t be used: it is a common word and would mark ordinary text.',
    zh: '“$1”不能使用:它是常用词,会标记普通文字。',
  },
  'entryVerdict_common-han': {
    en: '“$1” can’t be used: a single Chinese character would mark ordinary words.',
    zh: '“$1”不能使用:单个汉字会标记普通词语。',
  },
  'entryVerdict_no-letters': {
    en: '“$1” can’t be used: it has no letters or digits.',
    zh: '“$1”不能使用:其中没有字母或数字。',
  },
  'entryVerdict_builtin-conflict': {
    en: '“$1” is also the built-in entry $2.',
    zh: '“$1”也是内置条目“$2”。',
  },
  'entryVerdict_user-conflict': {
    en: '“$1” is also your entry $2; the entry saved first keeps it.',
    zh: '“$1”也是你的条目“$2”的别名;先保存的条目保留它。',
  },

  // Failed writes of entries, notes and packs (the store's own detail follows in brackets).
  knowFailed_quota: {
    en: 'The browser’s storage for Factlens is full: nothing was changed.',
    zh: '浏览器为 Factlens 提供的存储空间已满:没有做任何更改。',
  },
  knowFailed_storage: {
    en: 'The browser’s storage could not be used: nothing was changed.',
    zh: '无法使用浏览器存储:没有做任何更改。',
  },
  knowFailed_invalid: { en: 'That is not valid: nothing was changed.', zh: '内容无效:没有做任何更改。' },
  'knowFailed_not-found': {
    en: 'It no longer exists; it may have been deleted in another window.',
    zh: '它已不存在,可能已在其他窗口中删除。',
  },
  knowFailed_refused: {
    en: 'Some aliases would mark ordinary words: nothing was saved.',
    zh: '有些别名会标记普通词语:没有保存。',
  },
  'knowFailed_too-many': {
    en: 'That would be more than Factlens keeps: nothing was changed.',
    zh: '超出了 Factlens 能保存的数量:没有做任何更改。',
  },
  knowFailed_readonly: {
    en: 'Your entries and notes can’t be changed right now.',
    zh: '你的条目和笔记暂时无法更改。',
  },
  knowReadOnly: {
    en: 'Your entries and notes can’t be changed right now.',
    zh: '你的条目和笔记暂时无法更改。',
  },
  knowProblems: {
    en: 'Some stored entries or notes could not be read and were set aside:',
    zh: '有些已保存的条目或笔记无法读取,已被单独存放:',
  },

  // The options page: "Your entries".
  entriesHeading: { en: 'Your entries', zh: '你的条目' },
  entriesIntro: {
    en: 'Entries you add are marked on every page like the built-in ones. Entries from imported packs are listed here too.',
    zh: '你添加的条目会像内置条目一样在每个网页上标记。导入的资料包中的条目也列在这里。',
  },
  entriesEmpty: {
    en: 'No entries yet. Add one here, or select text on a page and choose “Add to Factlens” from the right-click menu.',
    zh: '还没有条目。可以在这里添加,或在网页上选中文字后,从右键菜单选择“添加到 Factlens”。',
  },
  entriesListLabel_one: { en: '$1 entry', zh: '$1 个条目' },
  entriesListLabel_other: { en: '$1 entries', zh: '$1 个条目' },
  entriesNotes_one: { en: '$1 note', zh: '$1 条笔记' },
  entriesNotes_other: { en: '$1 notes', zh: '$1 条笔记' },
  entriesAliases: { en: 'Aliases', zh: '别名' },
  entriesEdit: { en: 'Edit', zh: '编辑' },
  entriesEditNamed: { en: 'Edit “$1”', zh: '编辑“$1”' },
  entriesDelete: { en: 'Delete', zh: '删除' },
  entriesDeleteNamed: { en: 'Delete “$1”', zh: '删除“$1”' },
  entriesDeleted: { en: 'Deleted “$1”.', zh: '已删除“$1”。' },
  entriesDeletedWithNotes_one: {
    en: 'Deleted “$2” and its $1 note.',
    zh: '已删除“$2”及其 $1 条笔记。',
  },
  entriesDeletedWithNotes_other: {
    en: 'Deleted “$2” and its $1 notes.',
    zh: '已删除“$2”及其 $1 条笔记。',
  },
  entriesUndo: { en: 'Undo', zh: '撤销' },
  entriesRestored: { en: 'Restored.', zh: '已恢复。' },
  entriesSaved: { en: 'Saved “$1”.', zh: '已保存“$1”。' },
  privacyHeading: { en: 'What a page can see', zh: '网页能看到什么' },
  privacyText: {
    en: 'Marked words are visible to the page’s own scripts (the browser’s highlight API lists them), so for a private entry choose “Look up on hover or tap only”. Notes, quotes, tags and your entries’ descriptions are shown in a closed part of the card that page scripts cannot read. Nothing leaves your browser.',
    zh: '被标记的词对网页自身的脚本可见(浏览器的高亮 API 会列出它们),因此涉及隐私的条目请选择“仅在悬停或轻触时查找”。笔记、引文、标签和你的条目描述显示在卡片的封闭区域中,网页脚本无法读取。所有内容都不会离开你的浏览器。',
  },

  // The options page: "Packs".
  packsHeading: { en: 'Packs', zh: '资料包' },
  packsIntro: {
    en: 'A pack is a file of entries and notes. Import one someone shared with you, or export your own to share it or keep a copy.',
    zh: '资料包是包含条目和笔记的文件。你可以导入别人分享的资料包,也可以导出自己的条目来分享或备份。',
  },
  packsBuiltIn: { en: 'Built in', zh: '内置' },
  packsAlwaysOn: { en: 'Always on', zh: '始终开启' },
  packsEntries_one: { en: '$1 entry', zh: '$1 个条目' },
  packsEntries_other: { en: '$1 entries', zh: '$1 个条目' },
  packsFacts_one: { en: '$1 fact', zh: '$1 条事实' },
  packsFacts_other: { en: '$1 facts', zh: '$1 条事实' },
  packsNotes_one: { en: '$1 note', zh: '$1 条笔记' },
  packsNotes_other: { en: '$1 notes', zh: '$1 条笔记' },
  packsRevision: { en: 'Revision $1', zh: '第 $1 版' },
  packsBy: { en: 'by $1', zh: '作者:$1' },
  packsUse: { en: 'Use “$1”', zh: '使用“$1”' },
  packsTurnedOn: { en: '“$1” is on.', zh: '“$1”已开启。' },
  packsTurnedOff: { en: '“$1” is off: its entries are not marked.', zh: '“$1”已关闭:其中的条目不再标记。' },
  packsRemove: { en: 'Remove', zh: '移除' },
  packsRemoveNamed: { en: 'Remove pack “$1”', zh: '移除资料包“$1”' },
  packsRemoveConfirm: {
    en: 'Remove “$1” with its entries ($2) and notes ($3)? This cannot be undone.',
    zh: '要移除“$1”及其条目($2 个)和笔记($3 条)吗?此操作无法撤销。',
  },
  packsRemoveYes: { en: 'Remove pack', zh: '移除资料包' },
  packsRemoved: { en: 'Removed “$1”.', zh: '已移除“$1”。' },
  packsImport: { en: 'Import a pack…', zh: '导入资料包…' },
  packsImporting: { en: 'Importing “$1”…', zh: '正在导入“$1”…' },
  packsTooBig: {
    en: '“$1” is $2 MB; a pack can be at most $3 MB. It was not read, and nothing was changed.',
    zh: '“$1”有 $2 MB;资料包最大为 $3 MB。文件未被读取,没有做任何更改。',
  },
  packsUnreadable: {
    en: '“$1” could not be read: nothing was changed.',
    zh: '无法读取“$1”:没有做任何更改。',
  },
  packsImportFailed: {
    en: 'Nothing was imported and nothing was changed: $1',
    zh: '没有导入任何内容,也没有做任何更改:$1',
  },
  packsImported: {
    en: 'Imported “$1”. Accepted: entries $2, notes $3. Skipped: entries $4, notes $5.',
    zh: '已导入“$1”。接受:条目 $2 个,笔记 $3 条。跳过:条目 $4 个,笔记 $5 条。',
  },
  packsUnnamed: { en: 'Unnamed pack', zh: '未命名资料包' },
  packsProblems_one: { en: '$1 problem:', zh: '$1 个问题:' },
  packsProblems_other: { en: '$1 problems:', zh: '$1 个问题:' },
  packsMoreProblems: { en: '…and $1 more.', zh: '……另有 $1 个。' },
  packsSeverity_error: { en: 'Error', zh: '错误' },
  packsSeverity_warning: { en: 'Warning', zh: '警告' },
  packsKind_pack: { en: 'pack', zh: '资料包' },
  packsKind_entity: { en: 'entry', zh: '条目' },
  packsKind_note: { en: 'note', zh: '笔记' },
  packsExport: { en: 'Export my entries and notes', zh: '导出我的条目和笔记' },
  packsExported: {
    en: 'Exported your entries ($1) and notes ($2).',
    zh: '已导出你的条目($1 个)和笔记($2 条)。',
  },
  packsClear: { en: 'Delete all my entries and notes', zh: '删除我的全部条目和笔记' },
  packsClearConfirm: {
    en: 'Delete all your entries ($1) and notes ($2)? Imported packs are kept.',
    zh: '要删除你的全部条目($1 个)和笔记($2 条)吗?导入的资料包会保留。',
  },
  packsClearYes: { en: 'Delete all', zh: '全部删除' },
  packsCleared: {
    en: 'Deleted your entries ($1) and notes ($2).',
    zh: '已删除你的条目($1 个)和笔记($2 条)。',
  },
  packsRestored: {
    en: 'Restored entries ($1) and notes ($2).',
    zh: '已恢复条目($1 个)和笔记($2 条)。',
  },

  // The side panel.
  mineEntriesHeading: { en: 'Your entries', zh: '你的条目' },
  mineNotesHeading: { en: 'Your notes ($1)', zh: '你的笔记($1)' },
  mineNoteFrom: { en: 'From $1', zh: '来自 $1' },
  mineNoteWritten: { en: 'Written $1', zh: '写于 $1' },
  mineEntryEdit: { en: 'Edit entry', zh: '编辑条目' },
  mineEntryPrivate: {
    en: 'Your description: shown only to you, never to the page.',
    zh: '你的描述:只有你能看到,网页无法读取。',
  },
  mineEntryNoSummary: { en: 'No description yet.', zh: '还没有描述。' },
  mineEntryLookupOnly: {
    en: 'Looked up on hover or tap only: not marked on pages.',
    zh: '仅在悬停或轻触时查找:不在网页上标记。',
  },
  mineEntrySaved: { en: 'Saved.', zh: '已保存。' },
};
