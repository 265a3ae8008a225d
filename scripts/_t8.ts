console.log(import.meta.resolve('tsx'), process.execArgv);
